package io.pgjet.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedErrorClassesTest {

    @Test
    void everyErrorCodeHasAClassUnderItsSqlStateClass() throws IllegalAccessException {
        Set<Class<?>> seen = new HashSet<>();
        int errors = 0;
        for (Field field : SqlStates.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String code = (String) field.get(null);
            PgException e = PgException.of(Map.of('C', code, 'M', "m"), null);
            String sqlClass = code.substring(0, 2);
            if (sqlClass.equals("00") || sqlClass.equals("01") || sqlClass.equals("02")) {
                assertSame(PgException.class, e.getClass(), code);
                continue;
            }
            errors++;
            Class<?> type = e.getClass();
            assertTrue(seen.add(type), "two codes share " + type.getSimpleName());
            assertTrue(type.getSimpleName().endsWith("Exception"), type.getName());
            Class<?> parent = code.endsWith("000") ? type : type.getSuperclass();
            assertSame(PgException.class, parent.getSuperclass(), code + " " + type.getName());
            assertSame(parent, PgException.of(Map.of('C', sqlClass + "ZZZ"), null).getClass(), code);
        }
        assertEquals(251, errors);
    }

    @Test
    void sqlStateConstantsAreNamedAfterConditionNames() {
        assertEquals("23505", SqlStates.UNIQUE_VIOLATION);
        assertEquals("40001", SqlStates.SERIALIZATION_FAILURE);
        assertEquals("unique_violation", SqlStates.conditionName("23505"));
        assertEquals("deadlock_detected", SqlStates.conditionName(SqlStates.DEADLOCK_DETECTED));
        assertNull(SqlStates.conditionName("ZZ999"));
        assertNull(SqlStates.conditionName(null));
    }

    @Test
    void sharedConditionNamesAreQualifiedByTheirClassExceptForThePlainOne() {
        assertEquals("22004", SqlStates.NULL_VALUE_NOT_ALLOWED);
        assertEquals("39004", SqlStates.EXTERNAL_ROUTINE_INVOCATION_NULL_VALUE_NOT_ALLOWED);
        assertEquals("2F002", SqlStates.SQL_ROUTINE_MODIFYING_SQL_DATA_NOT_PERMITTED);
        assertEquals("38002", SqlStates.EXTERNAL_ROUTINE_MODIFYING_SQL_DATA_NOT_PERMITTED);
        assertEquals("22001", SqlStates.STRING_DATA_RIGHT_TRUNCATION);
        assertEquals("01004", SqlStates.WARNING_STRING_DATA_RIGHT_TRUNCATION);
        assertTrue(new NullValueNotAllowedException(Map.of(), null) instanceof DataException);
        assertTrue(new ExternalRoutineInvocationNullValueNotAllowedException(Map.of(), null)
                instanceof ExternalRoutineInvocationException);
    }

    @Test
    void warningAndSuccessCodesGetNoExceptionClass() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.pgjet.errors.WarningException"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.pgjet.errors.NoDataException"));
        assertNull(SqlStates.exceptionFactory("01000"));
        assertNull(SqlStates.exceptionFactory("00000"));
    }

    @Test
    void exceptionFactoryPrefersExactCodeThenClass() {
        assertNotNull(SqlStates.exceptionFactory("23505"));
        assertSame(UniqueViolationException.class,
                SqlStates.exceptionFactory("23505").apply(Map.of(), null).getClass());
        assertSame(IntegrityConstraintViolationException.class,
                SqlStates.exceptionFactory("23P99").apply(Map.of(), null).getClass());
        assertNull(SqlStates.exceptionFactory(null));
        assertNull(SqlStates.exceptionFactory("ZZ000"));
    }
}
