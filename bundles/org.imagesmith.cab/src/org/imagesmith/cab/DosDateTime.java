package org.imagesmith.cab;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/** Conversion between {@link LocalDateTime} and the 16-bit DOS date and time fields of CFFILE. */
final class DosDateTime {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private DosDateTime() {
    }

    static LocalDateTime toLocalDateTime(int date, int time) {
        try {
            return LocalDateTime.of(1980 + (date >>> 9), (date >>> 5) & 0x0F, date & 0x1F,
                    time >>> 11, (time >>> 5) & 0x3F, (time & 0x1F) * 2);
        } catch (DateTimeException e) {
            return EPOCH;
        }
    }

    /** The DOS date of a time, clamped to 1980-2107. */
    static int date(LocalDateTime value) {
        LocalDateTime clamped = clamp(value);
        return (clamped.getYear() - 1980) << 9 | clamped.getMonthValue() << 5 | clamped.getDayOfMonth();
    }

    /** The DOS time of a time (two-second resolution). */
    static int time(LocalDateTime value) {
        LocalDateTime clamped = clamp(value);
        return clamped.getHour() << 11 | clamped.getMinute() << 5 | clamped.getSecond() / 2;
    }

    private static LocalDateTime clamp(LocalDateTime value) {
        if (value.isBefore(EPOCH)) {
            return EPOCH;
        }
        LocalDateTime last = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
        return value.isAfter(last) ? last : value;
    }
}
