package org.submitlab.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A copy of a record with one component changed, down a path of nested records
 * ({@code limits.connections.perAddress}): what each setting's {@link Setting#with} does, so no
 * record needs a hand-written "with" method per field.
 */
final class RecordPaths {

    private RecordPaths() {
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, List<String> path, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            values[i] = read(record, c);
            if (c.getName().equals(path.get(0))) {
                values[i] = path.size() == 1 ? value : with((Record) values[i], path.subList(1, path.size()), value);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException(record.getClass().getSimpleName() + " has no component " + path.get(0));
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
