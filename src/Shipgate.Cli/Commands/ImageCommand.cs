using System.CommandLine;
using System.Globalization;
using Shipgate.Cli.Output;
using Shipgate.Containers.Images;
using Shipgate.Containers.Images.Packages;
using Shipgate.Core;
using Shipgate.Dependencies;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Reporting;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate image scan IMAGE.tar|OCI-LAYOUT-DIR... [--list-packages] [--no-secrets] [--db FILE] [--format …] [--output …]</c>:
/// reads container images offline (no Docker engine), checks their config with the IMG rules, matches their OS and
/// language packages against the offline OSV database (IMG006), scans the text files of the final file system and the
/// config with the secrets rules, and lists installed packages. Exit codes as
/// <c>scan</c>; an unreadable image is an <c>errors</c> entry (exit 2 when no image could be read).
/// </summary>
internal static class ImageCommand
{
    public static Command Create(CliServices services)
    {
        var options = new ScanOptionSet();
        var listPackages = new Option<bool>("--list-packages")
        {
            Description = "List the OS and language packages installed in the image (table, or JSON with --format json) instead of scanning.",
        };
        var noSecrets = new Option<bool>("--no-secrets") { Description = "Do not scan the image's files for secrets (the config is still checked)." };
        var advisories = new AdvisoryOptions();
        var scan = new Command("scan", "Scan container images offline: a 'docker save' tarball, an OCI archive or an OCI layout directory. " + CliApp.ExitCodeHelp)
        {
            listPackages,
            noSecrets,
        };
        options.AddTo(scan);
        advisories.AddTo(scan, withOnline: false);
        options.Paths.Description = "Image archives (docker save, OCI tar) or OCI layout directories.";
        scan.SetAction((result, token) => RunAsync(services, options.Read(result) with { Advisories = advisories.Read(result) }, result.GetValue(listPackages), result.GetValue(noSecrets), token));
        return new Command("image", "Inspect container images without a Docker engine.") { scan };
    }

    private static async Task<int> RunAsync(CliServices services, ScanSettings settings, bool listPackages, bool noSecrets, CancellationToken token)
    {
        var env = services.Environment;
        if (settings.Paths.Count == 0)
        {
            throw new UsageException("name the image to scan: shipgate image scan IMAGE.tar|OCI-LAYOUT-DIR");
        }

        var runner = new ScanRunner(services);
        var outputs = listPackages ? null : ReportOutputs.Resolve(settings, env);
        var (options, config) = runner.Build(settings);
        var formats = LockfileFormats.Create(NoFileReader.Instance);
        var readOptions = new ImageReadOptions
        {
            CollectTextFiles = !noSecrets && !listPackages,
            IsInventoryFile = path => ImageReader.IsApplicationPath(path) && formats.Detect(path) is not null,
        };

        var errors = new List<ScanError>();
        var images = new List<ContainerImage>();
        foreach (var path in settings.Paths)
        {
            try
            {
                images.Add(ImageReader.Read(env.Resolve(path), path, readOptions, token));
            }
            catch (InputFormatException ex)
            {
                errors.Add(new ScanError(path, ex.Message, ex.Line, ex.Column));
            }
            catch (IOException ex)
            {
                errors.Add(new ScanError(path, "cannot read: " + ex.Message));
            }
            catch (UnauthorizedAccessException)
            {
                errors.Add(new ScanError(path, "cannot read: permission denied"));
            }
        }

        if (listPackages)
        {
            return await ListAsync(env, settings, images, errors, formats, token).ConfigureAwait(false);
        }

        var matchPackages = options.Only is null || options.Only.Contains(Category.Docker);
        using var advisories = AdvisoryScope.Open(settings.Advisories, env, matchPackages ? null : new HashSet<Category>(), config.OsvDatabase, @unchecked: "the image's packages were not checked for known vulnerabilities (IMG006)");
        var matcher = new OsvImageMatcher(advisories.Source);
        var scanners = services.ScannersFor(new HashSet<Category> { Category.Docker, Category.Secrets })
            .Where(s => s is ImageScanner || s.Category == Category.Secrets)
            .Select(s => s is ImageScanner ? new ImageScanner(matcher) : s)
            .ToArray();
        var engine = new ScanEngine(scanners, services.Tool, env.Time);
        var skipped = new List<SkippedFile>();
        var inputs = new List<ScanFile>();
        foreach (var image in images)
        {
            inputs.Add(ImageScanner.ConfigFile(image));
            if (matchPackages)
            {
                var (lockPackages, lockNotes) = LockfilePackages(image, formats);
                IReadOnlyList<ImagePackage> packages = [.. image.Inventory.Packages, .. lockPackages];
                inputs.Add(ImageScanner.PackagesFile(image, packages));
                skipped.AddRange(lockNotes.Select(n => new SkippedFile(image.DisplayName + "!/" + n.Path.TrimStart('/'), n.Message)));
                skipped.AddRange(OsvImageMatcher.Unmatched(packages).Select(reason => new SkippedFile(image.DisplayName + "#packages", reason)));
            }
        }

        var files = inputs.Concat(images.SelectMany(image => image.TextFiles.Select(path => ImageScanner.LayerFile(image, path))));
        var result = await ProgressDisplay.RunAsync(env, settings.Quiet, progress =>
            engine.RunOnFilesAsync(files, options with { Progress = progress, Targets = [.. settings.Paths] }, token)).ConfigureAwait(false);
        await advisories.WarnAsync(env.Error).ConfigureAwait(false);
        result = result with
        {
            Errors = [.. errors.Concat(result.Errors)],
            Skipped = [.. result.Skipped.Concat(images.SelectMany(Skipped)).Concat(skipped)],
        };
        if (images.Count == 0 && result.FilesScanned > 0)
        {
            result = result with { FilesScanned = 0 };
        }

        return await runner.ReportAsync(result, settings, outputs!, token).ConfigureAwait(false);
    }

    private static IEnumerable<SkippedFile> Skipped(ContainerImage image)
    {
        foreach (var note in image.Notes)
        {
            var path = note.Path.Length == 0 ? image.DisplayName : image.DisplayName + "!/" + note.Path.TrimStart('/');
            yield return new SkippedFile(path, note.Message);
        }

        var stats = image.Statistics;
        if (stats.TextFilesTooLarge > 0)
        {
            yield return new SkippedFile(image.DisplayName, $"{stats.TextFilesTooLarge.ToString(CultureInfo.InvariantCulture)} files over the 1 MiB secret-scan limit were not scanned for secrets");
        }

        if (stats.TextFilesOverBudget > 0)
        {
            yield return new SkippedFile(image.DisplayName, $"{stats.TextFilesOverBudget.ToString(CultureInfo.InvariantCulture)} files were not scanned for secrets: the in-memory budget was used up");
        }
    }

    /// <summary>Lockfiles and <c>*.deps.json</c> found in the image, read by the dependencies domain's parsers.</summary>
    internal static (IReadOnlyList<ImagePackage> Packages, IReadOnlyList<ImageNote> Notes) LockfilePackages(ContainerImage image, LockfileFormats formats)
    {
        var files = new ImageFileReader(image);
        var requests = image.Files.KeptPaths
            .Where(p => formats.Detect(p) is not null && ImageReader.IsApplicationPath(p))
            .Select(p => new LockfileRequest(formats.Detect(p)!, "/" + p))
            .ToList();
        var inventory = new LockfileReader(files).Read(requests);
        var packages = inventory.Packages
            .Where(p => p.Version.Length > 0)
            .Select(p => new ImagePackage(p.Ecosystem.PurlType(), p.Name, p.Version, p.Ecosystem.OsvName(), p.Purl, p.SourcePath))
            .ToList();
        return (packages, [.. inventory.Errors.Select(e => new ImageNote(e.Path, e.Message))]);
    }

    private static async Task<int> ListAsync(CliEnvironment env, ScanSettings settings, List<ContainerImage> images, List<ScanError> errors, LockfileFormats formatsOfLockfiles, CancellationToken token)
    {
        var entries = new List<ImageEntry>();
        foreach (var image in images)
        {
            var (lockPackages, lockNotes) = LockfilePackages(image, formatsOfLockfiles);
            entries.Add(ImagePackageList.ToEntry(image, [.. image.Inventory.Packages, .. lockPackages], [.. image.Notes, .. lockNotes]));
        }

        var format = settings.Formats.Count == 0 ? ReportFormat.Console : settings.Formats[0];
        var outputPath = settings.Outputs.Count == 0 ? null : settings.Outputs[0];
        if (format is not (ReportFormat.Json or ReportFormat.Console))
        {
            throw new UsageException($"--list-packages writes console or json, not {format.ToString().ToLowerInvariant()}");
        }

        var document = new ImagePackageListDocument(ImagePackageList.SchemaVersion, entries, [.. errors.Select(e => new ImageErrorEntry(e.Path, e.ToString()))]);
        using var buffer = new MemoryStream();
        if (format == ReportFormat.Json)
        {
            await ImagePackageList.WriteAsync(document, buffer, token).ConfigureAwait(false);
        }
        else
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            WriteTable(document, env with { Out = writer, OutputIsTerminal = outputPath is null && env.OutputIsTerminal });
            await buffer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), token).ConfigureAwait(false);
        }

        if (outputPath is null)
        {
            await env.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllBytesAsync(env.Resolve(outputPath), buffer.ToArray(), token).ConfigureAwait(false);
        }

        foreach (var error in errors)
        {
            await env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
        }

        return (int)(images.Count == 0 ? ExitCode.UsageOrInputError : ExitCode.Success);
    }

    private static void WriteTable(ImagePackageListDocument document, CliEnvironment env)
    {
        var console = RulesCommand.PlainConsole(env);
        foreach (var image in document.Images)
        {
            var os = image.OperatingSystem is { } o ? $"{o.Name ?? o.Id} ({o.Ecosystem ?? "no OSV ecosystem"})" : "unknown OS";
            var name = image.References.Count > 0 ? string.Join(", ", image.References) : image.Id;
            console.WriteLine($"{image.Path}: {name}; {os}");
            var table = new Table().Border(TableBorder.Simple);
            foreach (var header in new[] { "Name", "Version", "Type", "Ecosystem", "Location" })
            {
                table.AddColumn(header);
            }

            foreach (var package in image.Packages)
            {
                table.AddRow(Markup.Escape(package.Name), Markup.Escape(package.Version), package.Type, Markup.Escape(package.Ecosystem ?? "-"), Markup.Escape(package.Location));
            }

            console.Write(table);
            console.WriteLine($"{image.Packages.Count.ToString(CultureInfo.InvariantCulture)} packages; {image.Notes.Count.ToString(CultureInfo.InvariantCulture)} notes.");
            foreach (var note in image.Notes)
            {
                console.WriteLine($"note: {(note.Path.Length > 0 ? note.Path + ": " : "")}{note.Message}");
            }
        }
    }

    /// <summary>Lets the lockfile parsers read files kept from the image (a parser's sibling lookups too).</summary>
    private sealed class ImageFileReader(ContainerImage image) : IFileReader
    {
        public bool Exists(string path) => image.Files.Find(path.TrimStart('/')) is not null;

        public string? TryRead(string path) => image.Files.TryRead(path.TrimStart('/')) is { } bytes ? TextDecoder.Decode(bytes) : null;
    }
}
