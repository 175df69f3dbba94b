namespace Shipgate.Core;

/// <summary>
/// Where a finding is. <see cref="Path"/> uses forward slashes and is relative to the working directory
/// (or to the scan root when the root lies outside it). Lines and columns are 1-based; the end is inclusive
/// of the last character's column.
/// </summary>
public sealed record Location(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static Location Point(string path, int line, int column) => new(path, line, column, line, column);

    /// <summary>A location that covers a whole file (line 1, column 1), for findings that have no narrower span.</summary>
    public static Location File(string path) => new(path, 1, 1, 1, 1);
}
