using System.Text;
using CsvHelper;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>The encoding a CSV file is read in: found from its bytes, or named with push's --encoding.</summary>
internal enum CsvEncoding
{
    Detect,
    Utf8,
    Gb18030,
}

/// <summary>
/// Finds and checks the text encoding of a department's CSV file. Excel writes "CSV UTF-8" in UTF-8 with a byte-order
/// mark, but its plain "CSV" on Chinese Windows in the system code page, GBK (936), of which GB18030 is the superset.
/// The whole file is checked in the encoding before it is read, so a byte that does not fit stops the file with its line
/// instead of turning into mojibake or U+FFFD in a citizen's name.
/// </summary>
/// <remarks>
/// Detection decodes strictly: UTF-8 first (Chinese text in GBK is practically never valid UTF-8), then GB18030, which
/// is taken only when its decoded header row proves it, every header holding non-ASCII text being a known column's
/// Chinese name; almost any run of bytes above 0x80 is valid GB18030, so the bytes alone prove nothing (a damaged
/// UTF-8 file often is). A file with English headers only cannot prove its encoding that way and is named with
/// --encoding. A UTF-8 byte-order mark means UTF-8 whatever --encoding says; a UTF-16 or UTF-32 one is left to the CSV
/// reader, which honours it.
/// </remarks>
internal static class CsvEncodings
{
    public const string Option = "--encoding";

    /// <summary>The names --encoding takes, as help and errors list them.</summary>
    public const string Names = "utf-8, gb18030 (or gbk)";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictGb18030 = CodePage(54936, DecoderFallback.ExceptionFallback);

    // For the CSV reader, once the file has been checked strictly.
    private static readonly Encoding Gb18030 = CodePage(54936, DecoderFallback.ReplacementFallback);

    /// <summary>The encoding --encoding names; GBK and GB2312 are read as GB18030, which contains both.</summary>
    public static bool TryParse(string? name, out CsvEncoding encoding)
    {
        CsvEncoding? named = (name ?? "").Trim().ToLowerInvariant() switch
        {
            "" => CsvEncoding.Detect,
            "utf-8" or "utf8" => CsvEncoding.Utf8,
            "gb18030" or "gbk" or "gb2312" or "cp936" => CsvEncoding.Gb18030,
            _ => null,
        };
        encoding = named ?? CsvEncoding.Detect;
        return named is not null;
    }

    /// <summary>
    /// The encoding to give the CSV reader, once every byte of the file fits it: GB18030, or null for the reader's own
    /// (UTF-8, or what a UTF-16 or UTF-32 byte-order mark says). A file that fits no encoding tried throws
    /// <see cref="RecordFileException"/>.
    /// </summary>
    public static Encoding? Of(string path, CsvEncoding choice)
    {
        var mark = ByteOrderMark(path);
        if (mark == Mark.Utf8)
        {
            Check(path, StrictUtf8, "UTF-8", skip: 3, "as its byte-order mark says it is");
            return null;
        }
        if (mark == Mark.Other)
        {
            return null;
        }
        switch (choice)
        {
            case CsvEncoding.Utf8:
                Check(path, StrictUtf8, "UTF-8", skip: 0, $"as {Option} utf-8 says it is");
                return null;
            case CsvEncoding.Gb18030:
                Check(path, StrictGb18030, "GB18030", skip: 0, $"as {Option} gb18030 says it is");
                return Gb18030;
        }
        var notUtf8 = FirstMisfit(path, StrictUtf8, skip: 0);
        if (notUtf8 is null)
        {
            return null;
        }
        var notGb18030 = FirstMisfit(path, StrictGb18030, skip: 0);
        var gb18030 = notGb18030 is null ? HeaderMisfit(path) : Describe(notGb18030, "GB18030");
        if (gb18030 is null)
        {
            return Gb18030;
        }
        throw new RecordFileException(
            $"{Path.GetFileName(path)}: cannot tell its encoding; tried UTF-8 ({Describe(notUtf8, "UTF-8")}) and GB18030 "
            + $"({gb18030}). Name the file's encoding with {Option} gb18030 or {Option} utf-8, or save it from Excel as "
            + "\"CSV UTF-8\".");
    }

    private enum Mark
    {
        None,
        Utf8,
        Other,
    }

    private static Mark ByteOrderMark(string path)
    {
        Span<byte> head = stackalloc byte[3];
        using var file = File.OpenRead(path);
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..length];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Mark.Utf8;
        }
        // UTF-16 and UTF-32, either byte order (UTF-32 little-endian starts as UTF-16 little-endian does).
        return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE])
            ? Mark.Other
            : Mark.None;
    }

    private static void Check(string path, Encoding strict, string name, int skip, string because)
    {
        if (FirstMisfit(path, strict, skip) is { } misfit)
        {
            throw RecordFileException.At(path, $"line {misfit.Line}",
                $"{Bytes(misfit)} cannot be read as {name}, {because}; the client reads UTF-8 and GB18030 ({Option} utf-8 "
                + $"or {Option} gb18030, or leave {Option} out to have it detected).");
        }
    }

    /// <summary>Where the file stops being text in the encoding: a byte sequence it cannot decode, or a NUL byte.</summary>
    private sealed record Misfit(long Line, byte[] Bytes);

    private static Misfit? FirstMisfit(string path, Encoding strict, int skip)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        file.Position = Math.Min(skip, file.Length);
        var decoder = strict.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[strict.GetMaxCharCount(bytes.Length + 8)];
        long line = 1;
        while (true)
        {
            var read = file.Read(bytes);
            var chunk = bytes.AsSpan(0, read);
            // A CSV holds no NUL; UTF-16 without a byte-order mark is full of them, and both encodings would take them.
            var nul = chunk.IndexOf((byte)0);
            var text = nul >= 0 ? chunk[..nul] : chunk;
            try
            {
                decoder.GetChars(text, chars, flush: read == 0 || nul >= 0);
            }
            catch (DecoderFallbackException e)
            {
                // The index is negative for bytes held over from the previous chunk; they hold no line break.
                return new Misfit(line + chunk[..Math.Clamp(e.Index, 0, text.Length)].Count((byte)'\n'), e.BytesUnknown ?? []);
            }
            if (nul >= 0)
            {
                return new Misfit(line + text.Count((byte)'\n'), [0]);
            }
            if (read == 0)
            {
                return null;
            }
            line += chunk.Count((byte)'\n');
        }
    }

    /// <summary>Why the header row, read as GB18030, does not prove the file is GB18030; null when it does.</summary>
    private static string? HeaderMisfit(string path)
    {
        IReadOnlyList<string> headers;
        try
        {
            using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Encoding = Gb18030, MalformedData = CsvMalformedDataHandling.Throw });
            headers = [.. csv.Headers];
        }
        catch (CsvFormatException)
        {
            return "its header row then cannot be read";
        }
        var chinese = headers.Where(h => h.Any(c => c > '\u007F')).ToList();
        var unknown = chinese.FirstOrDefault(h => RecordColumns.FromChineseHeader(h) is null);
        return (chinese.Count, unknown) switch
        {
            (0, _) => "its header row is English only, which reads the same in either, so it cannot tell",
            (_, not null) => $"its header row then holds '{unknown}', which is no column's Chinese name",
            _ => null,
        };
    }

    private static string Describe(Misfit misfit, string name) => $"line {misfit.Line}: {Bytes(misfit)} cannot be read as {name}";

    private static string Bytes(Misfit misfit) => misfit.Bytes is [0]
        ? "a NUL byte (as UTF-16 text without a byte-order mark has)"
        : $"byte{(misfit.Bytes.Length == 1 ? "" : "s")} {string.Join(' ', misfit.Bytes.Select(b => $"0x{b:X2}"))}";

    private static Encoding CodePage(int codePage, DecoderFallback decoderFallback)
    {
        // .NET itself knows only the Unicode encodings; Windows' code pages, GB18030 among them, come from this
        // provider, which ships with the runtime.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, decoderFallback);
    }
}
