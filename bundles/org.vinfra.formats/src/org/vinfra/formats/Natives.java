package org.vinfra.formats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vinfra.lang.settings.BooleanValue;
import org.vinfra.lang.settings.ListValue;
import org.vinfra.lang.settings.MapEntry;
import org.vinfra.lang.settings.MapValue;
import org.vinfra.lang.settings.Native;
import org.vinfra.lang.settings.NativeFormat;
import org.vinfra.lang.settings.NullValue;
import org.vinfra.lang.settings.NumberValue;
import org.vinfra.lang.settings.StringValue;
import org.vinfra.lang.settings.Value;
import org.vinfra.lang.settings.SettingsFactory;
import org.vinfra.lang.vinfra.VinfraFactory;

/** Typed pass-through values ({@code native compose "key" = value}) to and from plain Java values (as SnakeYAML reads and writes them). */
public final class Natives {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;

    private Natives() {
    }

    public static Native of(NativeFormat format, String key, Object value) {
        Native kept = SettingsFactory.eINSTANCE.createNative();
        kept.setFormat(format);
        kept.setKey(key);
        kept.setValue(value(value));
        return kept;
    }

    /** A Java value (String, Number, Boolean, null, List, Map) as a typed value of the model. */
    public static Value value(Object value) {
        switch (value) {
            case null -> {
                return SettingsFactory.eINSTANCE.createNullValue();
            }
            case String text -> {
                StringValue string = SettingsFactory.eINSTANCE.createStringValue();
                string.setValue(text);
                return string;
            }
            case Boolean bool -> {
                BooleanValue result = SettingsFactory.eINSTANCE.createBooleanValue();
                result.setValue(bool);
                return result;
            }
            case Number number -> {
                NumberValue result = SettingsFactory.eINSTANCE.createNumberValue();
                result.setValue(number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue()).toPlainString()
                        : number.toString());
                return result;
            }
            case List<?> items -> {
                ListValue list = SettingsFactory.eINSTANCE.createListValue();
                items.forEach(item -> list.getItems().add(value(item)));
                return list;
            }
            case Map<?, ?> entries -> {
                MapValue map = SettingsFactory.eINSTANCE.createMapValue();
                entries.forEach((key, item) -> {
                    MapEntry entry = SettingsFactory.eINSTANCE.createMapEntry();
                    entry.setKey(String.valueOf(key));
                    entry.setValue(value(item));
                    map.getEntries().add(entry);
                });
                return map;
            }
            default -> {
                return value(value.toString());
            }
        }
    }

    /** The Java value of a typed value: integers as Long (or BigInteger), decimals as Double. */
    public static Object java(Value value) {
        return switch (value) {
            case null -> null;
            case StringValue string -> string.getValue();
            case BooleanValue bool -> bool.isValue();
            case NullValue none -> null;
            case NumberValue number -> number(number.getValue());
            case ListValue list -> {
                List<Object> items = new ArrayList<>();
                list.getItems().forEach(item -> items.add(java(item)));
                yield items;
            }
            case MapValue map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.getEntries().forEach(entry -> entries.put(entry.getKey(), java(entry.getValue())));
                yield entries;
            }
            default -> throw new IllegalArgumentException("unknown value " + value.eClass().getName());
        };
    }

    private static Object number(String text) {
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return Double.valueOf(text);
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return new java.math.BigInteger(text);
        }
    }

    /** The natives of one format, in order. */
    public static List<Native> of(List<Native> natives, NativeFormat format) {
        return natives.stream().filter(n -> n.getFormat() == format).toList();
    }
}
