using Shipgate.Dependencies.Toml;

namespace Shipgate.Dependencies.Tests.Toml;

/// <summary>Valid TOML 1.0 documents: values, types, tables and positions.</summary>
public sealed partial class TomlParserTests
{
    [Fact]
    public void Parse_EmptyAndCommentOnly_IsEmptyTable()
    {
        TomlParser.Parse("").Count.ShouldBe(0);
        TomlParser.Parse("# just a comment\n\n   # another\r\n").Count.ShouldBe(0);
    }

    [Fact]
    public void Parse_Strings_AllFourKinds()
    {
        var doc = TomlParser.Parse(""""""
            basic = "tab\there \"quoted\" \u00E9 \U0001F600"
            literal = 'C:\Users\nodejs\templates'
            multi = """
            Roses are red
              Violets are blue"""
            trimmed = """\
                   The quick \
                   brown fox."""
            multiLiteral = '''
            first line
            \n stays raw'''
            quotes = """Here are two quotation marks: "". Simple enough."""
            fiveQuotes = """""five"""""
            """""");
        doc.GetString("basic").ShouldBe("tab\there \"quoted\" é 😀");
        doc.GetString("literal").ShouldBe(@"C:\Users\nodejs\templates");
        doc.GetString("multi").ShouldBe("Roses are red\n  Violets are blue");
        doc.GetString("trimmed").ShouldBe("The quick brown fox.");
        doc.GetString("multiLiteral").ShouldBe("first line\n\\n stays raw");
        doc.GetString("quotes").ShouldBe("Here are two quotation marks: \"\". Simple enough.");
        doc.GetString("fiveQuotes").ShouldBe("\"\"five\"\"");
    }

    [Theory]
    [InlineData("+99", 99)]
    [InlineData("-17", -17)]
    [InlineData("0", 0)]
    [InlineData("1_000_000", 1_000_000)]
    [InlineData("0xDEAD_beef", 0xDEADBEEF)]
    [InlineData("0o755", 493)]
    [InlineData("0b1101", 13)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parse_Integers(string literal, long expected)
    {
        TomlParser.Parse($"x = {literal}")["x"].ShouldBeOfType<TomlInteger>().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("+1.0", 1.0)]
    [InlineData("3.1415", 3.1415)]
    [InlineData("-0.01", -0.01)]
    [InlineData("5e+22", 5e22)]
    [InlineData("1e06", 1e6)]
    [InlineData("-2E-2", -0.02)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("224_617.445_991", 224617.445991)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void Parse_Floats(string literal, double expected)
    {
        TomlParser.Parse($"x = {literal}")["x"].ShouldBeOfType<TomlFloat>().Value.ShouldBe(expected);
    }

    [Fact]
    public void Parse_Nan_And_Booleans()
    {
        var doc = TomlParser.Parse("a = nan\nb = +nan\nc = true\nd = false");
        double.IsNaN(((TomlFloat)doc["a"]!).Value).ShouldBeTrue();
        double.IsNaN(((TomlFloat)doc["b"]!).Value).ShouldBeTrue();
        ((TomlBoolean)doc["c"]!).Value.ShouldBeTrue();
        ((TomlBoolean)doc["d"]!).Value.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1979-05-27T07:32:00Z", TomlDateTimeKind.OffsetDateTime)]
    [InlineData("1979-05-27T00:32:00.999999-07:00", TomlDateTimeKind.OffsetDateTime)]
    [InlineData("1979-05-27 07:32:00Z", TomlDateTimeKind.OffsetDateTime)]
    [InlineData("1979-05-27t07:32:00", TomlDateTimeKind.LocalDateTime)]
    [InlineData("1979-05-27", TomlDateTimeKind.LocalDate)]
    [InlineData("2024-02-29", TomlDateTimeKind.LocalDate)]
    [InlineData("07:32:00", TomlDateTimeKind.LocalTime)]
    [InlineData("00:32:00.999999", TomlDateTimeKind.LocalTime)]
    public void Parse_DatesAndTimes(string literal, TomlDateTimeKind kind)
    {
        var value = TomlParser.Parse($"x = {literal} # comment")["x"].ShouldBeOfType<TomlDateTime>();
        value.Kind.ShouldBe(kind);
        value.Text.ShouldBe(literal);
    }

    [Fact]
    public void Parse_Arrays_MixedAndMultiline()
    {
        var doc = TomlParser.Parse("""
            integers = [ 1, 2, 3 ]
            nested = [ [ 1, 2 ], ["a", 'b'] ]
            mixed = [ 0.1, "x", { a = 1 } ]
            multiline = [
              1, # one
              2,
            ]
            empty = [ ]
            """);
        doc.GetArray("integers")!.Items.Count.ShouldBe(3);
        doc.GetArray("nested")!.Items[1].ShouldBeOfType<TomlArray>().Items.Count.ShouldBe(2);
        doc.GetArray("mixed")!.Items[2].ShouldBeOfType<TomlTable>()["a"].ShouldBeOfType<TomlInteger>();
        doc.GetArray("multiline")!.Items.Count.ShouldBe(2);
        doc.GetArray("empty")!.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_Keys_BareQuotedDotted()
    {
        var doc = TomlParser.Parse("""
            bare_key-1 = 1
            "127.0.0.1" = "quoted"
            'literal key' = 2
            "" = "empty key"
            site."google.com" = true
            fruit . color = "red"
            3.14159 = "pi"
            """);
        doc["bare_key-1"].ShouldNotBeNull();
        doc.GetString("127.0.0.1").ShouldBe("quoted");
        doc["literal key"].ShouldNotBeNull();
        doc.GetString("").ShouldBe("empty key");
        doc.GetTable("site")!["google.com"].ShouldBeOfType<TomlBoolean>();
        doc.GetTable("fruit")!.GetString("color").ShouldBe("red");
        doc.GetTable("3")!.GetString("14159").ShouldBe("pi");
    }

    [Fact]
    public void Parse_Tables_HeadersImplicitSuperTablesAndArrays()
    {
        var doc = TomlParser.Parse("""
            [a.b.c]
            x = 1
            [a]
            y = 2
            [fruit]
            apple.color = "red"
            [fruit.apple.texture]
            smooth = true
            [[products]]
            name = "Hammer"
            [[products]]
            [[products]]
            name = "Nail"
            [[products.variants]]
            size = 3
            [ j . "ʞ" . 'l' ]
            """);
        doc.GetTable("a")!.GetTable("b")!.GetTable("c")!["x"].ShouldNotBeNull();
        doc.GetTable("a")!["y"].ShouldNotBeNull();
        doc.GetTable("fruit")!.GetTable("apple")!.GetTable("texture")!["smooth"].ShouldNotBeNull();
        var products = doc.GetTables("products").ToList();
        products.Count.ShouldBe(3);
        products[1].Count.ShouldBe(0);
        products[2].GetTables("variants").Single()["size"].ShouldNotBeNull();
        doc.GetTable("j")!.GetTable("ʞ")!.GetTable("l").ShouldNotBeNull();
    }

    [Fact]
    public void Parse_InlineTables_WithDottedKeys()
    {
        var doc = TomlParser.Parse("point = { x = 1, y.z = 2, y.w = 3 }\nempty = {}");
        var point = doc.GetTable("point")!;
        point.GetTable("y")!.Count.ShouldBe(2);
        doc.GetTable("empty")!.Count.ShouldBe(0);
    }

    [Fact]
    public void Parse_RecordsLinesAndColumns()
    {
        var doc = TomlParser.Parse("# header\n\n[[package]]\nname = \"a\"\n\n[[package]]\n  name = \"b\"\r\n");
        var packages = doc.GetTables("package").ToList();
        packages[0].Line.ShouldBe(3);
        packages[1].Line.ShouldBe(6);
        packages[1]["name"]!.Line.ShouldBe(7);
        packages[1]["name"]!.Column.ShouldBe(10);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndCrlf()
    {
        var doc = TomlParser.Parse("\uFEFFa = \"\"\"x\r\ny\"\"\"\r\nb = 1\r\n");
        doc.GetString("a").ShouldBe("x\ny");
        doc["b"].ShouldNotBeNull();
    }

    [Fact]
    public void Keys_KeepDefinitionOrder()
    {
        TomlParser.Parse("z = 1\na = 2\nm = 3").Keys.ShouldBe(["z", "a", "m"]);
    }
}
