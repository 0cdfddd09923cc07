using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// ISO 8601 text for Avro's date and time logical types, written digit by digit (no format-string parsing per value).
/// Values outside what the calendar can show (before year 1, after 9999, a time of day past midnight) stay numbers.
/// </summary>
internal static class AvroTimeText
{
    private const int UnixEpochDayNumber = 719_162;
    private const int MaxDayNumber = 3_652_058;
    private const long SecondsPerDay = 86_400;

    /// <summary>"2026-12-02T10:15:30.123Z" (utc) or without the Z (local-timestamp-*); digits is 3, 6 or 9.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, long value, long unitsPerSecond, int digits, bool utc)
    {
        var seconds = Math.DivRem(value, unitsPerSecond, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += unitsPerSecond;
        }

        var days = Math.DivRem(seconds, SecondsPerDay, out var secondOfDay);
        if (secondOfDay < 0)
        {
            days--;
            secondOfDay += SecondsPerDay;
        }

        if (!TryDate(days, out var date))
        {
            writer.WriteNumberValue(value);
            return;
        }

        Span<byte> text = stackalloc byte[32];
        var length = WriteDate(text, date);
        text[length++] = (byte)'T';
        length += WriteTime(text[length..], secondOfDay, fraction, digits);
        if (utc)
        {
            text[length++] = (byte)'Z';
        }

        writer.WriteStringValue(text[..length]);
    }

    /// <summary>"2026-12-02" from days since the Unix epoch.</summary>
    public static void WriteDate(Utf8JsonWriter writer, int days)
    {
        if (!TryDate(days, out var date))
        {
            writer.WriteNumberValue(days);
            return;
        }

        Span<byte> text = stackalloc byte[10];
        writer.WriteStringValue(text[..WriteDate(text, date)]);
    }

    /// <summary>"10:15:30.123" from units since midnight.</summary>
    public static void WriteTimeOfDay(Utf8JsonWriter writer, long value, long unitsPerSecond, int digits)
    {
        if (value < 0 || value >= SecondsPerDay * unitsPerSecond)
        {
            writer.WriteNumberValue(value);
            return;
        }

        Span<byte> text = stackalloc byte[18];
        var seconds = Math.DivRem(value, unitsPerSecond, out var fraction);
        writer.WriteStringValue(text[..WriteTime(text, seconds, fraction, digits)]);
    }

    private static bool TryDate(long daysSinceEpoch, out DateOnly date)
    {
        var dayNumber = daysSinceEpoch + UnixEpochDayNumber;
        if (dayNumber is < 0 or > MaxDayNumber)
        {
            date = default;
            return false;
        }

        date = DateOnly.FromDayNumber((int)dayNumber);
        return true;
    }

    private static int WriteDate(Span<byte> text, DateOnly date)
    {
        date.Deconstruct(out var year, out var month, out var day);
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        return 10;
    }

    private static int WriteTime(Span<byte> text, long secondOfDay, long fraction, int digits)
    {
        Digits(text[..2], secondOfDay / 3600);
        text[2] = (byte)':';
        Digits(text.Slice(3, 2), secondOfDay / 60 % 60);
        text[5] = (byte)':';
        Digits(text.Slice(6, 2), secondOfDay % 60);
        text[8] = (byte)'.';
        Digits(text.Slice(9, digits), fraction);
        return 9 + digits;
    }

    /// <summary>Zero-padded decimal digits filling the whole span.</summary>
    private static void Digits(Span<byte> text, long value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
    }
}
