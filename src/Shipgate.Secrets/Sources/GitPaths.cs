using System.Text;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// Reverses git's C-style path quoting (<c>"dir/tab\there.txt"</c>, octal escapes for bytes), which patch headers use
/// even with <c>core.quotepath=off</c> for paths with quotes, backslashes or control characters.
/// </summary>
internal static class GitPaths
{
    public static string Unquote(string path)
    {
        if (path.Length < 2 || path[0] != '"' || path[^1] != '"')
        {
            return path;
        }

        var bytes = new List<byte>(path.Length);
        var body = path[1..^1];
        var i = 0;
        while (i < body.Length)
        {
            var escape = body.IndexOf('\\', i);
            if (escape < 0 || escape == body.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(body[i..]));
                break;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(body[i..escape]));
            var next = body[escape + 1];
            if (next is >= '0' and <= '3' && escape + 3 < body.Length)
            {
                bytes.Add((byte)(((next - '0') << 6) | ((body[escape + 2] - '0') << 3) | (body[escape + 3] - '0')));
                i = escape + 4;
                continue;
            }

            bytes.Add(next switch
            {
                'a' => 7,
                'b' => 8,
                't' => 9,
                'n' => 10,
                'v' => 11,
                'f' => 12,
                'r' => 13,
                _ => (byte)next,
            });
            i = escape + 2;
        }

        return GitOutputReader.Decode(bytes.ToArray());
    }
}
