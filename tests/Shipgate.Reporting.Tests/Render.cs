using System.Text;
using Shipgate.Core;

namespace Shipgate.Reporting.Tests;

internal static class Render
{
    public static async Task<byte[]> BytesAsync(IReportWriter writer, ScanResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static async Task<string> TextAsync(IReportWriter writer, ScanResult result) =>
        Encoding.UTF8.GetString(await BytesAsync(writer, result));
}
