using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// The pre-commit case: only what <c>git diff --cached</c> adds. One <c>git diff --cached -U0</c> process; for each
/// staged text file, a <see cref="ScanFile"/> whose text has the added lines at their real line numbers in the staged
/// file and empty lines elsewhere, so locations, snippets and inline allow markers all work unchanged. Unstaged edits,
/// deleted lines and binary files are ignored. Display paths are relative to the repository root.
/// </summary>
public sealed class StagedSource : ISecretSource
{
    private readonly IReadOnlyDictionary<string, string>? environment;

    /// <param name="repositoryPath">A directory inside the repository (a worktree is fine).</param>
    /// <param name="environment">Extra environment variables for git (tests isolate configuration this way).</param>
    public StagedSource(string repositoryPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryPath);
        RepositoryPath = repositoryPath;
        this.environment = environment;
    }

    public string RepositoryPath { get; }

    public IEnumerable<ScanFile> Files(CancellationToken cancellationToken = default)
    {
        GitRepository.Verify(RepositoryPath, environment);
        var root = Encoding.UTF8.GetString(GitProcess.Run(RepositoryPath, environment, "rev-parse", "--show-toplevel")).TrimEnd('\n', '\r');
        return ReadDiff(root, cancellationToken);
    }

    private IEnumerable<ScanFile> ReadDiff(string root, CancellationToken cancellationToken)
    {
        using var git = GitProcess.Start(root, [
            "diff", "--cached", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "-U0",
            "--diff-filter=ACMR", "--ignore-submodules", "--src-prefix=a/", "--dst-prefix=b/",
        ], environment);
        var reader = new GitOutputReader(git.Output);
        var file = new StagedFile();
        var inHunk = false;
        var nextLine = 0;
        while (reader.ReadRecord((byte)'\n') is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (inHunk && line.Length > 0 && line[0] is (byte)'+' or (byte)'-' or (byte)' ' or (byte)'\\')
            {
                if (line[0] == (byte)'+')
                {
                    file.Add(nextLine++, line.AsSpan(1));
                }
                else if (line[0] == (byte)' ')
                {
                    nextLine++;
                }

                continue;
            }

            if (line.AsSpan().StartsWith("@@ "u8))
            {
                inHunk = true;
                nextLine = NewStart(line);
                continue;
            }

            if (line.AsSpan().StartsWith("diff --git "u8))
            {
                if (file.ToScanFile() is { } finished)
                {
                    yield return finished;
                }

                file = new StagedFile();
                inHunk = false;
            }
            else if (line.AsSpan().StartsWith("+++ "u8))
            {
                // git appends a tab to unquoted names that contain a space; a name really ending in a tab would be quoted
                var name = GitOutputReader.Decode(line.AsSpan(4));
                var path = GitPaths.Unquote(name.StartsWith('"') ? name : name.TrimEnd('\t'));
                file.Path = path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : null;
            }
        }

        if (file.ToScanFile() is { } last)
        {
            yield return last;
        }

        git.WaitAndCheck();
    }

    /// <summary>The new-file start line of a hunk header <c>@@ -a,b +c,d @@</c>.</summary>
    private static int NewStart(byte[] header)
    {
        var text = GitOutputReader.Decode(header);
        var plus = text.IndexOf(" +", StringComparison.Ordinal);
        var stop = text.IndexOfAny([',', ' '], plus + 2);
        return int.Parse(text.AsSpan(plus + 2, (stop < 0 ? text.Length : stop) - plus - 2), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The added lines of one file, by line number.</summary>
    private sealed class StagedFile
    {
        private readonly SortedDictionary<int, byte[]> lines = [];

        public string? Path { get; set; }

        public void Add(int number, ReadOnlySpan<byte> content) => lines[number] = content.ToArray();

        public ScanFile? ToScanFile()
        {
            if (Path is null || lines.Count == 0)
            {
                return null;
            }

            using var text = new MemoryStream();
            var current = 1;
            foreach (var (number, content) in lines)
            {
                for (; current < number; current++)
                {
                    text.WriteByte((byte)'\n');
                }

                text.Write(content);
                text.WriteByte((byte)'\n');
                current = number + 1;
            }

            return ScanFile.FromBytes(Path, text.ToArray(), Path);
        }
    }
}
