using System.Text;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// IN.csv files for `evaluate` that are broken on purpose, always the same for the same seed: named cases for each
/// kind of damage an operator's file suffers, and random mutations of a valid file.
/// </summary>
internal static class FuzzedCsv
{
    public const string Header = "unit_code,criterion,value,denominator";

    // Valid rows on the 2024 map (21283 and 21238 are Quảng Ngãi communes): the material mutations start from.
    private static readonly string[] ValidRows = ["21283,X.XHS.01,5,8", "21283,X.CQS.01,100,", "21238,X.CQS.12,có,", "21238,X.CQS.07,3,", "21283,X.KTS.04,1,1"];

    // Characters that break CSV and number parsing: separators, quotes, line ends, NUL, signs, exponents, letters.
    private static readonly string[] Troublemakers = [",", "\"", "\n", "\r", "\0", "-", "e", "E400", ".", "NaN", "∞", "1e999", "99999999999999999999999999999999", "\uFFFD", "Đ", " "];

    /// <summary>Named damages, each of which must be refused (exit 2 naming the file and a line).</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Refused()
    {
        yield return ("empty", []);
        yield return ("random-bytes-1", RandomBytes(1, 200));
        yield return ("random-bytes-2", RandomBytes(2, 4_000));
        yield return ("truncated-line", Utf8($"{Header}\n21283,X.XHS.01,5,8\n21283,X.CQS.0"));
        yield return ("truncated-header", Utf8("unit_code,crit"));
        yield return ("huge-value", Rows("21283,X.CQS.01,1e400,"));
        yield return ("huge-digits", Rows("21283,X.CQS.01,99999999999999999999999999999999999,"));
        yield return ("huge-denominator", Rows("21283,X.XHS.01,5,99999999999999999999999999999999999"));
        yield return ("nan", Rows("21283,X.CQS.01,NaN,"));
        yield return ("infinity", Rows("21283,X.CQS.01,Infinity,"));
        yield return ("negative", Rows("21283,X.XHS.01,-5,8"));
        yield return ("nul-byte", Rows("21283,X.CQS.01,\0,"));
        // UTF-16 without a byte-order mark (with one, the reader decodes it correctly).
        yield return ("utf16-without-bom", Encoding.Unicode.GetBytes($"{Header}\n21283,X.CQS.01,50,\n"));
        // Windows-1258 (Vietnamese) bytes for "có" where UTF-8 is expected.
        yield return ("latin-bytes", [.. Utf8($"{Header}\n21238,X.CQS.12,c"), 0xF3, (byte)',', (byte)'\n']);
        yield return ("extra-column-in-header", Utf8($"{Header},note\n21283,X.CQS.01,50,,x\n"));
        yield return ("extra-field-in-row", Rows("21283,X.CQS.01,50,,extra"));
        yield return ("missing-field", Rows("21283,X.CQS.01"));
        yield return ("unclosed-quote", Rows("\"21283,X.CQS.01,50,"));
        yield return ("blank-line", Utf8($"{Header}\n\n21283,X.CQS.01,50,\n"));
        yield return ("semicolons", Utf8("unit_code;criterion;value;denominator\n21283;X.CQS.01;50;\n"));
        yield return ("long-field", Rows($"21283,X.CQS.01,{new string('9', 1_000_000)},"));
        yield return ("unknown-unit", Rows("99999,X.CQS.01,50,"));
        yield return ("duplicate-row", Rows("21283,X.CQS.01,50,", "21283,X.CQS.01,60,"));
    }

    /// <summary>Random mutations of a valid file: each either still valid or refused, never anything else.</summary>
    public static byte[] Mutation(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join('\n', [Header, .. ValidRows]) + "\n");
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Troublemakers[random.Next(Troublemakers.Length)]);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 12)));
                    break;
                case 2:
                    text.Length = at;
                    break;
                case 3:
                    text.Insert(at, (char)random.Next(0x20, 0x7F));
                    break;
                default:
                    text.Append(ValidRows[random.Next(ValidRows.Length)]).Append('\n');
                    break;
            }
        }

        var bytes = Utf8(text.ToString());
        // One time in four, flip a byte as a damaged transfer would.
        if (bytes.Length > 0 && random.Next(4) == 0)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        }

        return bytes;
    }

    private static byte[] Rows(params string[] rows) => Utf8(string.Join('\n', [Header, .. rows]) + "\n");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
