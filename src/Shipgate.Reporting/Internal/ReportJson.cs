using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Shipgate.Reporting.Internal;

/// <summary>
/// Writes a report's JSON with the serialisation code the source generator made for it, through a writer that keeps
/// non-ASCII text readable (reports are files, never inlined into HTML). Going through
/// <see cref="JsonSerializer"/> with such an encoder instead builds the metadata of every report type first, which
/// cost more than the rest of writing a small report (about 20 ms of a 0.35 s scan; bench/README.md, start-up).
/// </summary>
internal static class ReportJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <paramref name="value"/> and a final newline. <paramref name="generated"/> comes from a context whose
    /// generation options match <see cref="WriterOptions"/> (indentation, new line); <paramref name="fallback"/> is the same
    /// type through <see cref="JsonSerializer"/>, for a type the generator made no serialisation code for (asked for only
    /// then: building its metadata is the cost this class avoids).
    /// </summary>
    public static async ValueTask WriteAsync<T>(Stream output, T value, JsonTypeInfo<T> generated, Func<JsonTypeInfo<T>> fallback, CancellationToken cancellationToken)
    {
        if (generated.SerializeHandler is { } serialize)
        {
            var writer = new Utf8JsonWriter(output, WriterOptions);
            await using (writer.ConfigureAwait(false))
            {
                serialize(writer, value);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await JsonSerializer.SerializeAsync(output, value, fallback(), cancellationToken).ConfigureAwait(false);
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
