namespace Shipgate.Core;

/// <summary>A proposed change: a description and zero or more text replacements in the finding's file.</summary>
public sealed record Fix(string Description, IReadOnlyList<TextEdit> Edits);

/// <summary>Replace <see cref="Length"/> characters at <see cref="Offset"/> (UTF-16 offsets into the file text).</summary>
public sealed record TextEdit(int Offset, int Length, string NewText);
