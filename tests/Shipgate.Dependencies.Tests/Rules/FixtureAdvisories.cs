using Shipgate.Dependencies.Osv;

namespace Shipgate.Dependencies.Tests.Rules;

/// <summary>
/// The vulnerability database of a rule fixture: the OSV records in its <c>advisories/</c> folder, imported into a real
/// SQLite store in the case's temporary folder. Null when the fixture has no such folder.
/// </summary>
internal static class FixtureAdvisories
{
    public const string FolderName = "advisories";

    public static OsvDatabase? Open(string fixtureFolder, string temp)
    {
        var records = Path.Combine(fixtureFolder, FolderName);
        if (!Directory.Exists(records))
        {
            return null;
        }

        var path = Path.Combine(temp, "osv.db");
        using (var store = OsvStore.OpenForImport(path))
        {
            var report = store.Import(records, "fixture", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
            report.Errors.ShouldBeEmpty();
        }

        return OsvDatabase.Open(path);
    }
}
