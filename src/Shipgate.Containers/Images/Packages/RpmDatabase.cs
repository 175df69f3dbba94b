using Microsoft.Data.Sqlite;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Reads the packages of an rpm database in SQLite form (<c>rpmdb.sqlite</c>, rpm ≥ 4.16: Fedora 33+, RHEL 9,
/// Rocky/Alma 9): each row of the <c>Packages</c> table is a header blob (<see cref="RpmHeader"/>). SQLite needs a
/// file, so the database bytes are written to a private temporary file that is deleted right after. The older
/// BerkeleyDB <c>Packages</c> file holds the same blobs (<see cref="ParseBerkeleyDb"/>). Stateless.
/// </summary>
internal static class RpmDatabase
{
    public static IReadOnlyList<ImagePackage> Parse(byte[] database, string location, OperatingSystemInfo? os)
    {
        var temp = Path.Combine(Path.GetTempPath(), "shipgate-rpmdb-" + Guid.NewGuid().ToString("n") + ".sqlite");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(database);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var packages = new List<ImagePackage>();
            var builder = new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT blob FROM Packages";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (reader.IsDBNull(0))
                    {
                        continue;
                    }

                    var fields = RpmHeader.Parse((byte[])reader.GetValue(0));
                    if (ToPackage(fields, location, os) is { } package)
                    {
                        packages.Add(package);
                    }
                }
            }

            return packages;
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"not a readable rpm SQLite database ({ex.Message.TrimEnd('.')})", ex);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The packages of a BerkeleyDB <c>Packages</c> file (see <see cref="RpmBerkeleyDb"/>); throws <see cref="InvalidDataException"/>.</summary>
    public static IReadOnlyList<ImagePackage> ParseBerkeleyDb(byte[] database, string location, OperatingSystemInfo? os)
    {
        var packages = new List<ImagePackage>();
        foreach (var blob in RpmBerkeleyDb.ReadValues(database))
        {
            // Key 0 holds rpm's next-instance counter (4 bytes), not a header.
            if (blob.Length >= 8 && ToPackage(RpmHeader.Parse(blob), location, os) is { } package)
            {
                packages.Add(package);
            }
        }

        return packages;
    }

    internal static ImagePackage? ToPackage(RpmHeader.Fields fields, string location, OperatingSystemInfo? os)
    {
        if (string.IsNullOrEmpty(fields.Name) || string.IsNullOrEmpty(fields.Version) || fields.Name == "gpg-pubkey")
        {
            return null;
        }

        var evr = (fields.Epoch is > 0 ? fields.Epoch.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" : "")
            + fields.Version + (string.IsNullOrEmpty(fields.Release) ? "" : "-" + fields.Release);
        var plainVersion = fields.Version + (string.IsNullOrEmpty(fields.Release) ? "" : "-" + fields.Release);
        var vendor = os?.Id switch
        {
            "rhel" or "centos" => "redhat",
            null => "rpm",
            var id => id,
        };
        return new ImagePackage(
            "rpm", fields.Name, evr, os?.Ecosystem,
            PackageUrls.Create("rpm", vendor, fields.Name, plainVersion,
                ("arch", fields.Arch), ("epoch", fields.Epoch is > 0 ? fields.Epoch.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null), ("distro", os?.Distro)),
            location)
        {
            SourceName = RpmHeader.SourceName(fields.SourceRpm),
            Architecture = fields.Arch,
        };
    }
}
