using System.Reflection;
using CsCheck;

namespace Hezhou.Exchange.Domain.Tests;

/// <summary>Generators of hostile input for the property-based fuzz tests, and the rule codes they may produce.</summary>
internal static class Fuzz
{
    /// <summary>Iterations per fuzz test: enough to reach the odd corners, few enough to stay within a few seconds.</summary>
    public const int Iterations = 20_000;

    /// <summary>
    /// Characters weighted toward what breaks parsers: digits and the letters of IDs, Chinese, controls, bidi and
    /// invisible characters, non-characters, full-width and Arabic-Indic digits, surrogates paired or not, anything.
    /// </summary>
    public static readonly Gen<char> Char = Gen.Frequency(
        (6, Gen.Char['0', '9']),
        (2, Gen.Char["XxAZIOSVaz -_.·'\"%;*"]),
        (2, Gen.Char['\u4e00', '\u9fff']),
        (1, Gen.Char['\u0000', '\u001f']),
        (1, Gen.Char["\u007f\u0085\u009b\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202e\u2060\u2066\u2069\u3000\ufeff\ufff9\ufffd\ufffe\uffff\ufdd0\uff10\uff19\u0660\u0669\ue000"]),
        (1, Gen.Char['\ud800', '\udfff']),
        (1, Gen.Char));

    public static readonly Gen<string> Text = Gen.Frequency(
        (8, Char.Array[0, 24].Select(chars => new string(chars))),
        (1, Char.Array[16, 20].Select(chars => new string(chars))),
        (1, Char.Array[0, 300].Select(chars => new string(chars))));

    /// <summary>Any int, weighted toward the edges and the small values enums and ranges use.</summary>
    public static readonly Gen<int> Int = Gen.Frequency(
        (4, Gen.Int[-3, 12]),
        (2, Gen.OneOf(Gen.Const(int.MinValue), Gen.Const(int.MaxValue), Gen.Const(-1), Gen.Const(100_000), Gen.Const(100_001))),
        (2, Gen.Int));

    public static readonly Gen<long> Long = Gen.Frequency(
        (4, Gen.Long[-3, 200_000_000]),
        (2, Gen.OneOf(Gen.Const(long.MinValue), Gen.Const(long.MaxValue), Gen.Const(100_000_000L))),
        (2, Gen.Long));

    public static Gen<T> Enum<T>() where T : struct, System.Enum => Int.Select(i => (T)System.Enum.ToObject(typeof(T), i));

    /// <summary>Every rule code the domain defines.</summary>
    public static readonly IReadOnlySet<string> RuleCodes = typeof(Domain.RuleCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet();
}
