using System.Text;
using Shipgate.Core;

namespace Shipgate.Dependencies.Tests;

public sealed class DependencyScannerTests
{
    private static ScanFile File(string path, string content) => ScanFile.FromBytes(path, Encoding.UTF8.GetBytes(content));

    [Theory]
    [InlineData("web/package-lock.json", true)]
    [InlineData("services/api/requirements-dev.txt", true)]
    [InlineData("src/App/App.csproj", true)]
    [InlineData("Cargo.lock", true)]
    [InlineData("package.json", true)]
    [InlineData("node_modules/ms/package.json", false)]
    [InlineData("notes.txt", false)]
    public void Claims_LockfilesByName(string path, bool claimed)
    {
        new DependencyScanner().Claims(File(path, "")).ShouldBe(claimed);
    }

    [Fact]
    public void Read_ParsesContentThatIsNotOnDisk()
    {
        var packages = DependencyScanner.Read(File("a/Cargo.lock", "[[package]]\nname = \"serde\"\nversion = \"1.0.0\"\n"));
        packages.Single().Name.ShouldBe("serde");
    }

    [Fact]
    public void Read_MalformedLockfile_ThrowsInputFormatExceptionWithLine()
    {
        var error = Should.Throw<InputFormatException>(() => DependencyScanner.Read(File("Cargo.lock", "[[package]]\nname = \n")));
        error.Line.ShouldBe(2);
    }

    [Fact]
    public void Scanner_IsTheDepsCategoryAndRunsTheRuleList()
    {
        var scanner = new DependencyScanner();
        scanner.Category.ShouldBe(Category.Deps);
        scanner.Rules.Count.ShouldBe(Shipgate.Dependencies.Rules.DependencyRules.Create().Count);
    }
}
