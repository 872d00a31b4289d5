package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/** Records every handler call as a readable event, plus the last structured argument. */
class RecordingHandler implements BackendHandler {

    final List<String> events = new ArrayList<>();
    RowDescription rowDescription;
    ServerMessage serverMessage;
    CopyResponse copyResponse;
    byte[] bytes;
    List<String> strings;
    int[] oids;

    String single() {
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + events);
        }
        return events.get(0);
    }

    @Override
    public void dataRow(ByteBuf row) {
        events.add("dataRow " + ByteBufUtil.hexDump(row));
    }

    @Override
    public void commandComplete(String tag) {
        events.add("commandComplete " + tag);
    }

    @Override
    public void bindComplete() {
        events.add("bindComplete");
    }

    @Override
    public void parseComplete() {
        events.add("parseComplete");
    }

    @Override
    public void readyForQuery(byte transactionStatus) {
        events.add("readyForQuery " + (char) transactionStatus);
    }

    @Override
    public void rowDescription(RowDescription description) {
        rowDescription = description;
        events.add("rowDescription " + description);
    }

    @Override
    public void parameterDescription(int[] typeOids) {
        oids = typeOids;
        events.add("parameterDescription " + java.util.Arrays.toString(typeOids));
    }

    @Override
    public void noData() {
        events.add("noData");
    }

    @Override
    public void portalSuspended() {
        events.add("portalSuspended");
    }

    @Override
    public void closeComplete() {
        events.add("closeComplete");
    }

    @Override
    public void emptyQueryResponse() {
        events.add("emptyQueryResponse");
    }

    @Override
    public void errorResponse(ServerMessage error) {
        serverMessage = error;
        events.add("errorResponse " + error);
    }

    @Override
    public void noticeResponse(ServerMessage notice) {
        serverMessage = notice;
        events.add("noticeResponse " + notice);
    }

    @Override
    public void notificationResponse(int processId, String channel, String payload) {
        events.add("notificationResponse " + processId + " " + channel + " " + payload);
    }

    @Override
    public void parameterStatus(String name, String value) {
        events.add("parameterStatus " + name + "=" + value);
    }

    @Override
    public void backendKeyData(int processId, byte[] secretKey) {
        bytes = secretKey;
        events.add("backendKeyData " + processId + " " + ByteBufUtil.hexDump(secretKey));
    }

    @Override
    public void authenticationOk() {
        events.add("authenticationOk");
    }

    @Override
    public void authenticationCleartextPassword() {
        events.add("authenticationCleartextPassword");
    }

    @Override
    public void authenticationMd5Password(byte[] salt) {
        bytes = salt;
        events.add("authenticationMd5Password " + ByteBufUtil.hexDump(salt));
    }

    @Override
    public void authenticationSasl(List<String> mechanisms) {
        strings = mechanisms;
        events.add("authenticationSasl " + mechanisms);
    }

    @Override
    public void authenticationSaslContinue(byte[] data) {
        bytes = data;
        events.add("authenticationSaslContinue " + new String(data, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void authenticationSaslFinal(byte[] data) {
        bytes = data;
        events.add("authenticationSaslFinal " + new String(data, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void authenticationUnsupported(int code) {
        events.add("authenticationUnsupported " + code);
    }

    @Override
    public void copyInResponse(CopyResponse response) {
        copyResponse = response;
        events.add("copyInResponse " + response);
    }

    @Override
    public void copyOutResponse(CopyResponse response) {
        copyResponse = response;
        events.add("copyOutResponse " + response);
    }

    @Override
    public void copyBothResponse(CopyResponse response) {
        copyResponse = response;
        events.add("copyBothResponse " + response);
    }

    @Override
    public void copyData(ByteBuf data) {
        events.add("copyData " + ByteBufUtil.hexDump(data));
    }

    @Override
    public void copyDone() {
        events.add("copyDone");
    }

    @Override
    public void negotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) {
        strings = unrecognizedOptions;
        events.add("negotiateProtocolVersion " + newestMinorVersion + " " + unrecognizedOptions);
    }

    @Override
    public void functionCallResponse(ByteBuf resultOrNull) {
        events.add("functionCallResponse " + (resultOrNull == null ? "NULL" : ByteBufUtil.hexDump(resultOrNull)));
    }
}
