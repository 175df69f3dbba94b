using Shipgate.Core;
using Shipgate.Dependencies.Toml;

namespace Shipgate.Dependencies.Tests.Toml;

/// <summary>Documents TOML 1.0 calls invalid: each must be rejected with a position, never accepted or crash.</summary>
public sealed partial class TomlParserTests
{
    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        { "bare key without value", "key" },
        { "missing value", "key =" },
        { "two pairs on one line", "a = 1 b = 2" },
        { "duplicate key", "a = 1\na = 2" },
        { "duplicate table", "[a]\n[a]" },
        { "table after dotted key", "a.b = 1\n[a]" },
        { "header over dotted table", "[fruit]\napple.color = 'red'\n[fruit.apple]" },
        { "dotted key into header table", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1" },
        { "extend inline table by header", "a = {}\n[a.b]" },
        { "extend inline table by dotted key", "a = { b = 1 }\na.c = 2" },
        { "array of tables over static array", "a = []\n[[a]]" },
        { "table over array of tables", "[[a]]\n[a]" },
        { "value redefined as table", "a = 1\n[a]" },
        { "unclosed header", "[a" },
        { "unclosed array header", "[[a]" },
        { "empty header", "[]" },
        { "unterminated basic string", "a = \"abc" },
        { "newline in basic string", "a = \"ab\ncd\"" },
        { "unterminated literal string", "a = 'abc" },
        { "unterminated multi-line string", "a = \"\"\"abc" },
        { "bad escape", "a = \"\\q\"" },
        { "short unicode escape", "a = \"\\u12\"" },
        { "surrogate escape", "a = \"\\uD800\"" },
        { "control character in string", "a = \"a\u0001b\"" },
        { "control character in comment", "# a\u0007b" },
        { "multi-line string as key", "\"\"\"a\"\"\" = 1" },
        { "leading zero", "a = 012" },
        { "double underscore", "a = 1__2" },
        { "trailing underscore", "a = 12_" },
        { "signed hex", "a = +0x10" },
        { "bad hex digit", "a = 0xG1" },
        { "integer overflow", "a = 9223372036854775808" },
        { "float without integer part", "a = .5" },
        { "float without fraction digits", "a = 1." },
        { "float with empty exponent", "a = 1e" },
        { "float with leading zero", "a = 03.14" },
        { "double sign", "a = --1" },
        { "invalid month", "a = 2024-13-01" },
        { "invalid day", "a = 2023-02-29" },
        { "invalid hour", "a = 24:00:00" },
        { "date-time separator without time", "a = 1979-05-27T" },
        { "bad offset", "a = 1979-05-27T07:32:00+7" },
        { "array missing comma", "a = [1 2]" },
        { "unclosed array", "a = [1, 2" },
        { "inline table trailing comma", "a = { b = 1, }" },
        { "inline table across lines", "a = { b = 1,\n c = 2 }" },
        { "inline table duplicate key", "a = { b = 1, b = 2 }" },
        { "unknown literal", "a = yes" },
        { "capitalised boolean", "a = True" },
        { "carriage return alone", "a = 1\rb = 2" },
        { "key with invalid character", "a$b = 1" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Parse_InvalidDocument_ThrowsWithPosition(string description, string document)
    {
        var error = Should.Throw<InputFormatException>(() => TomlParser.Parse(document), description);
        error.Line.ShouldNotBeNull();
        error.Column.ShouldNotBeNull();
        error.Message.ShouldStartWith("Invalid TOML: ");
    }

    [Fact]
    public void Parse_ReportsTheLineOfTheProblem()
    {
        var error = Should.Throw<InputFormatException>(() => TomlParser.Parse("a = 1\n\n[t]\nb = \"unterminated\n"));
        error.Line.ShouldBe(4);
    }
}
