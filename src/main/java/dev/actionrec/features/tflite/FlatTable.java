package dev.actionrec.features.tflite;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;

/**
 * A flatbuffer table with typed readers by field slot, so the TFLite schema can be read without
 * generated classes. Slot {@code i} is the i-th field of the table in schema order.
 */
final class FlatTable extends Table {

    private FlatTable(int position, ByteBuffer buffer) {
        __reset(position, buffer);
    }

    /** Returns the root table of a little-endian flatbuffer. */
    static FlatTable root(ByteBuffer buffer) {
        int start = buffer.position();
        return new FlatTable(buffer.getInt(start) + start, buffer);
    }

    private int fieldOffset(int slot) {
        return __offset(4 + 2 * slot);
    }

    boolean has(int slot) {
        return fieldOffset(slot) != 0;
    }

    int readInt(int slot, int fallback) {
        int offset = fieldOffset(slot);
        return offset == 0 ? fallback : bb.getInt(bb_pos + offset);
    }

    int readByte(int slot, int fallback) {
        int offset = fieldOffset(slot);
        return offset == 0 ? fallback : bb.get(bb_pos + offset);
    }

    int readUnsignedByte(int slot, int fallback) {
        int offset = fieldOffset(slot);
        return offset == 0 ? fallback : bb.get(bb_pos + offset) & 0xFF;
    }

    String readString(int slot) {
        int offset = fieldOffset(slot);
        return offset == 0 ? null : __string(bb_pos + offset);
    }

    FlatTable readTable(int slot) {
        int offset = fieldOffset(slot);
        return offset == 0 ? null : new FlatTable(__indirect(bb_pos + offset), bb);
    }

    int vectorLength(int slot) {
        int offset = fieldOffset(slot);
        return offset == 0 ? 0 : __vector_len(offset);
    }

    FlatTable tableAt(int slot, int index) {
        int element = __vector(fieldOffset(slot)) + 4 * index;
        return new FlatTable(__indirect(element), bb);
    }

    int[] readIntVector(int slot) {
        int length = vectorLength(slot);
        int[] values = new int[length];
        if (length > 0) {
            int start = __vector(fieldOffset(slot));
            for (int i = 0; i < length; i++) {
                values[i] = bb.getInt(start + 4 * i);
            }
        }
        return values;
    }

    float[] readFloatVector(int slot) {
        int length = vectorLength(slot);
        float[] values = new float[length];
        if (length > 0) {
            int start = __vector(fieldOffset(slot));
            for (int i = 0; i < length; i++) {
                values[i] = bb.getFloat(start + 4 * i);
            }
        }
        return values;
    }

    long[] readLongVector(int slot) {
        int length = vectorLength(slot);
        long[] values = new long[length];
        if (length > 0) {
            int start = __vector(fieldOffset(slot));
            for (int i = 0; i < length; i++) {
                values[i] = bb.getLong(start + 8 * i);
            }
        }
        return values;
    }

    /** Returns a little-endian view of a byte vector, or an empty buffer when it is absent. */
    ByteBuffer readBytes(int slot) {
        int length = vectorLength(slot);
        if (length == 0) {
            return ByteBuffer.allocate(0);
        }
        int start = __vector(fieldOffset(slot));
        return bb.duplicate().position(start).limit(start + length).slice()
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
