package io.pgjet.jdbc.internal;

/**
 * The part of {@link java.sql.ResultSet} a read-only result set refuses: updates and
 * REF/ROWID/XML getters, each failing with {@link java.sql.SQLFeatureNotSupportedException}.
 * (Generated from the interface by reflection; {@link JdbcResultSet} overrides the scrolling and
 * Blob/Clob methods it implements.)
 */
abstract class ForwardOnlyResultSet implements java.sql.ResultSet {

    @Override
    public boolean absolute(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void afterLast() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void beforeFirst() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void cancelRowUpdates() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void deleteRow() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean first() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.Blob getBlob(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.Clob getClob(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.lang.String getCursorName() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.NClob getNClob(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.Ref getRef(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.RowId getRowId(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.net.URL getURL(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.net.URL getURL(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void insertRow() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean last() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void moveToCurrentRow() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void moveToInsertRow() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean previous() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void refreshRow() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean relative(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean rowDeleted() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean rowInserted() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public boolean rowUpdated() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateArray(java.lang.String a0, java.sql.Array a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateAsciiStream(java.lang.String a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateAsciiStream(java.lang.String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateAsciiStream(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBigDecimal(java.lang.String a0, java.math.BigDecimal a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBinaryStream(java.lang.String a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBinaryStream(java.lang.String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBinaryStream(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBlob(java.lang.String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBlob(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBlob(java.lang.String a0, java.sql.Blob a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBoolean(java.lang.String a0, boolean a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBoolean(int a0, boolean a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateByte(java.lang.String a0, byte a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateByte(int a0, byte a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBytes(java.lang.String a0, byte[] a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateBytes(int a0, byte[] a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateCharacterStream(java.lang.String a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateCharacterStream(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateCharacterStream(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateClob(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateClob(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateClob(java.lang.String a0, java.sql.Clob a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateDate(java.lang.String a0, java.sql.Date a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateDouble(java.lang.String a0, double a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateDouble(int a0, double a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateFloat(java.lang.String a0, float a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateFloat(int a0, float a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateInt(java.lang.String a0, int a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateInt(int a0, int a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateLong(java.lang.String a0, long a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateLong(int a0, long a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNCharacterStream(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNCharacterStream(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNClob(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNClob(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNClob(java.lang.String a0, java.sql.NClob a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNString(java.lang.String a0, java.lang.String a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNString(int a0, java.lang.String a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNull(java.lang.String a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateNull(int a0) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateObject(java.lang.String a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateObject(java.lang.String a0, java.lang.Object a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateObject(int a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateObject(int a0, java.lang.Object a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateRef(java.lang.String a0, java.sql.Ref a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateRow() throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateRowId(java.lang.String a0, java.sql.RowId a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateSQLXML(java.lang.String a0, java.sql.SQLXML a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateShort(java.lang.String a0, short a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateShort(int a0, short a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateString(java.lang.String a0, java.lang.String a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateString(int a0, java.lang.String a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateTime(java.lang.String a0, java.sql.Time a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateTimestamp(java.lang.String a0, java.sql.Timestamp a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

    @Override
    public void updateTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
        throw SqlErrors.unsupported("updatable, scrollable and LOB-typed result sets");
    }

}
