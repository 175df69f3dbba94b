using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Shipgate.Core;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Downloads one OSV export (<c>&lt;base&gt;/&lt;ecosystem&gt;/all.zip</c>) to a file, resumably and verified: bytes go to
/// <c>FILE.part</c>; a later run asks only for the rest (HTTP <c>Range</c>, guarded by <c>If-Range</c> with the ETag
/// seen first, so a changed export restarts from zero instead of mixing two versions). The finished file must have the
/// announced length, match the MD5 the bucket announces (<c>x-goog-hash</c>) when it does, and be a zip whose
/// directory and entries read back; only then is it renamed into place. Thread-safe for different targets.
/// </summary>
public sealed class OsvDownloader(HttpClient http)
{
    public const string DefaultBaseUrl = "https://osv-vulnerabilities.storage.googleapis.com";

    /// <summary>Refuses exports larger than this (the largest OSV export is well under 2 GiB).</summary>
    public long MaxBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    public static Uri ExportUri(Uri baseUri, string ecosystem)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var root = baseUri.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{Uri.EscapeDataString(ecosystem)}/all.zip");
    }

    /// <summary>Downloads <paramref name="url"/> to <paramref name="target"/>; reports (bytes done, bytes total when known).</summary>
    public async Task<long> DownloadAsync(Uri url, string target, IProgress<(long Done, long? Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var partial = target + ".part";
        var etagFile = target + ".part.etag";
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        var etag = have > 0 && File.Exists(etagFile) ? await File.ReadAllTextAsync(etagFile, cancellationToken).ConfigureAwait(false) : null;
        if (etag is null)
        {
            have = 0;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
            request.Headers.TryAddWithoutValidation("If-Range", etag);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new InputFormatException($"cannot download {url}: {ex.Message}");
        }

        using (response)
        {
            long? total;
            FileMode mode;
            if (response.StatusCode == HttpStatusCode.PartialContent && have > 0)
            {
                total = response.Content.Headers.ContentRange?.Length;
                mode = FileMode.Append;
            }
            else if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
            {
                total = have; // the part file already holds everything
                mode = FileMode.Append;
            }
            else if (response.IsSuccessStatusCode)
            {
                have = 0;
                total = response.Content.Headers.ContentLength;
                mode = FileMode.Create;
                var newEtag = response.Headers.ETag?.ToString();
                if (newEtag is not null)
                {
                    await File.WriteAllTextAsync(etagFile, newEtag, cancellationToken).ConfigureAwait(false);
                }
                else if (File.Exists(etagFile))
                {
                    File.Delete(etagFile);
                }
            }
            else
            {
                throw new InputFormatException($"cannot download {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (total > MaxBytes)
            {
                throw new InputFormatException($"{url} is {total} bytes, over the {MaxBytes}-byte limit; refusing it");
            }

            var md5 = ExpectedMd5(response);
            if (response.StatusCode != HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                var file = new FileStream(partial, mode, FileAccess.Write, FileShare.None, 1 << 16);
                await using (file.ConfigureAwait(false))
                {
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        var buffer = new byte[1 << 16];
                        var done = have;
                        int read;
                        try
                        {
                            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                            {
                                done += read;
                                if (done > MaxBytes)
                                {
                                    throw new InputFormatException($"{url} grew past the {MaxBytes}-byte limit; refusing it");
                                }

                                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                                progress?.Report((done, total));
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException or IOException)
                        {
                            throw new InputFormatException($"the download of {url} broke off after {done} bytes ({ex.Message}); run the command again to resume");
                        }
                    }
                }
            }

            var length = new FileInfo(partial).Length;
            if (total is { } expected && length != expected)
            {
                throw new InputFormatException($"the download of {url} is incomplete ({length} of {expected} bytes); run the command again to resume");
            }

            await VerifyAsync(url, partial, md5, etagFile, cancellationToken).ConfigureAwait(false);
            File.Move(partial, target, overwrite: true);
            if (File.Exists(etagFile))
            {
                File.Delete(etagFile);
            }

            return length;
        }
    }

    private static async Task VerifyAsync(Uri url, string partial, string? md5, string etagFile, CancellationToken cancellationToken)
    {
        string? problem = null;
        if (md5 is not null)
        {
            var stream = File.OpenRead(partial);
            await using (stream.ConfigureAwait(false))
            {
#pragma warning disable CA5351 // MD5 is what the bucket announces; it checks for damage in transit, HTTPS provides authenticity.
                var actual = Convert.ToBase64String(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
#pragma warning restore CA5351
                if (actual != md5)
                {
                    problem = $"its MD5 {actual} differs from the announced {md5}";
                }
            }
        }

        if (problem is null)
        {
            try
            {
                OsvArchive.VerifyContents(partial);
            }
            catch (InputFormatException ex)
            {
                problem = ex.Message;
            }
        }

        if (problem is not null)
        {
            File.Delete(partial);
            if (File.Exists(etagFile))
            {
                File.Delete(etagFile);
            }

            throw new InputFormatException($"the download of {url} failed verification ({problem}); it was deleted, run the command again");
        }
    }

    /// <summary>The MD5 from Google Cloud Storage's <c>x-goog-hash: crc32c=…,md5=…</c> header, when present.</summary>
    private static string? ExpectedMd5(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("x-goog-hash", out var values))
        {
            return null;
        }

        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("md5=", StringComparison.Ordinal))
            {
                return trimmed[4..];
            }
        }

        return null;
    }
}
