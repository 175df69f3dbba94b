using System.Globalization;

namespace Shipgate.Dependencies.Toml;

/// <summary>Integers, floats, and RFC 3339 dates and times.</summary>
public sealed partial class TomlParser
{
    private TomlValue ParseNumber(int line, int column)
    {
        var start = pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek()) || Peek() is '+' or '-' or '_' or '.'))
        {
            // A sign may only follow the start or an exponent marker.
            if (Peek() is '+' or '-' && pos != start && text[pos - 1] is not ('e' or 'E'))
            {
                break;
            }

            pos++;
        }

        var token = text[start..pos];
        var body = token.TrimStart('+', '-');
        var negative = token.StartsWith('-');
        var signed = token.Length != body.Length;
        if (token.Length - body.Length > 1)
        {
            throw Error($"'{token}' is not a valid number.", start);
        }

        switch (body)
        {
            case "inf":
                return new TomlFloat(negative ? double.NegativeInfinity : double.PositiveInfinity, line, column);
            case "nan":
                return new TomlFloat(double.NaN, line, column);
        }

        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'o' or 'b')
        {
            if (signed)
            {
                throw Error($"'{token}': hexadecimal, octal and binary integers cannot have a sign.", start);
            }

            var radix = body[1] switch { 'x' => 16, 'o' => 8, _ => 2 };
            var digits = CheckUnderscores(body[2..], token, start);
            long value = 0;
            foreach (var d in digits)
            {
                var digit = HexValue(d);
                if (digit < 0 || digit >= radix)
                {
                    throw Error($"'{token}' is not a valid base-{radix} integer.", start);
                }

                value = checked(value * radix) + digit;
            }

            return new TomlInteger(value, line, column);
        }

        var isFloat = body.Contains('.', StringComparison.Ordinal) || body.Contains('e', StringComparison.OrdinalIgnoreCase);
        if (!isFloat)
        {
            var digits = CheckUnderscores(body, token, start);
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || (digits.Length > 1 && digits[0] == '0'))
            {
                throw Error($"'{token}' is not a valid integer.", start);
            }

            if (!long.TryParse((negative ? "-" : "") + digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                throw Error($"'{token}' does not fit in a 64-bit integer.", start);
            }

            return new TomlInteger(integer, line, column);
        }

        // float = int-part ( exp / frac [ exp ] ); each part is digits with single underscores between digits.
        var exponentAt = body.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var exponent = exponentAt < 0 ? null : body[(exponentAt + 1)..];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? null : mantissa[(dot + 1)..];
        var intDigits = CheckUnderscores(intPart, token, start);
        var valid = intDigits.Length > 0 && intDigits.All(char.IsAsciiDigit) && !(intDigits.Length > 1 && intDigits[0] == '0');
        string? fracDigits = null;
        if (fracPart is not null)
        {
            fracDigits = CheckUnderscores(fracPart, token, start);
            valid &= fracDigits.Length > 0 && fracDigits.All(char.IsAsciiDigit);
        }

        string? expDigits = null;
        if (exponent is not null)
        {
            var expBody = exponent.TrimStart('+', '-');
            valid &= exponent.Length - expBody.Length <= 1;
            expDigits = CheckUnderscores(expBody, token, start);
            valid &= expDigits.Length > 0 && expDigits.All(char.IsAsciiDigit);
            expDigits = (exponent.StartsWith('-') ? "-" : "") + expDigits;
        }

        if (!valid)
        {
            throw Error($"'{token}' is not a valid float.", start);
        }

        var normalised = (negative ? "-" : "") + intDigits + (fracDigits is null ? "" : "." + fracDigits) + (expDigits is null ? "" : "e" + expDigits);
        return new TomlFloat(double.Parse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture), line, column);
    }

    /// <summary>Removes underscores, each of which must sit between two digits.</summary>
    private string CheckUnderscores(string digits, string token, int start)
    {
        for (var i = 0; i < digits.Length; i++)
        {
            if (digits[i] == '_' && (i == 0 || i == digits.Length - 1 || !char.IsAsciiHexDigit(digits[i - 1]) || !char.IsAsciiHexDigit(digits[i + 1])))
            {
                throw Error($"'{token}': an underscore must sit between two digits.", start);
            }
        }

        return digits.Replace("_", "", StringComparison.Ordinal);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private bool Digits(int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiDigit(Peek(offset + i)))
            {
                return false;
            }
        }

        return true;
    }

    private bool LooksLikeDate() => Digits(0, 4) && Peek(4) == '-';

    private bool LooksLikeTime() => Digits(0, 2) && Peek(2) == ':';

    private TomlDateTime ParseDateTime(int line, int column)
    {
        var start = pos;
        var hasDate = false;
        var hasTime = false;
        var hasOffset = false;
        if (LooksLikeDate())
        {
            if (!Digits(5, 2) || Peek(7) != '-' || !Digits(8, 2))
            {
                throw Error("A date must look like YYYY-MM-DD.");
            }

            var year = Number(0, 4);
            var month = Number(5, 2);
            var day = Number(8, 2);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
            {
                throw Error($"'{text.Substring(pos, 10)}' is not a valid date.");
            }

            pos += 10;
            hasDate = true;
            if (Peek() is 'T' or 't' || (Peek() == ' ' && Digits(1, 2) && Peek(3) == ':'))
            {
                pos++;
                if (!LooksLikeTime())
                {
                    throw Error("Expected a time after the date-time separator.");
                }
            }
        }

        if (LooksLikeTime())
        {
            if (!Digits(3, 2) || Peek(5) != ':' || !Digits(6, 2))
            {
                throw Error("A time must look like HH:MM:SS.");
            }

            if (Number(0, 2) > 23 || Number(3, 2) > 59 || Number(6, 2) > 60)
            {
                throw Error($"'{text.Substring(pos, 8)}' is not a valid time.");
            }

            pos += 8;
            hasTime = true;
            if (Peek() == '.')
            {
                pos++;
                if (!char.IsAsciiDigit(Peek()))
                {
                    throw Error("Expected digits after the decimal point of the seconds.");
                }

                while (char.IsAsciiDigit(Peek()))
                {
                    pos++;
                }
            }

            if (hasDate && Peek() is 'Z' or 'z')
            {
                pos++;
                hasOffset = true;
            }
            else if (hasDate && Peek() is '+' or '-')
            {
                if (!Digits(1, 2) || Peek(3) != ':' || !Digits(4, 2) || Number(1, 2) > 23 || Number(4, 2) > 59)
                {
                    throw Error("A time offset must look like +HH:MM.");
                }

                pos += 6;
                hasOffset = true;
            }
        }

        if (IsBareKeyChar(Peek()) || Peek() is ':' or '.' or '+')
        {
            throw Error($"Unexpected '{Describe(Peek())}' in a date or time.");
        }

        var kind = (hasDate, hasTime, hasOffset) switch
        {
            (true, true, true) => TomlDateTimeKind.OffsetDateTime,
            (true, true, false) => TomlDateTimeKind.LocalDateTime,
            (true, false, _) => TomlDateTimeKind.LocalDate,
            _ => TomlDateTimeKind.LocalTime,
        };
        return new TomlDateTime(text[start..pos], kind, line, column);
    }

    private int Number(int offset, int count) => int.Parse(text.AsSpan(pos + offset, count), NumberStyles.None, CultureInfo.InvariantCulture);
}
