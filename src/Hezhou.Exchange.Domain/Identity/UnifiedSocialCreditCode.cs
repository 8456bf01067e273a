using System.Diagnostics.CodeAnalysis;

namespace Hezhou.Exchange.Domain.Identity;

/// <summary>An 18-character unified social credit code (统一社会信用代码) satisfying GB 32100-2015.</summary>
/// <remarks>
/// The only way to get one is <see cref="TryParse"/> or <see cref="Parse"/>; <c>default</c> is not valid.
/// </remarks>
public readonly record struct UnifiedSocialCreditCode
{
    public const int Length = 18;

    // The standard's 31 characters: digits and upper-case letters without I, O, Z, S and V, which are too easily
    // read as 1, 0, 2, 5 and U. A character's value is its index here.
    private const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // The registration authorities: 1 institutional establishment, 2 foreign affairs, 3 justice, 4 culture,
    // 5 civil affairs, 6 tourism, 7 religious affairs, 8 trade unions, 9 market regulation, A the military's
    // establishment office, N agriculture, Y others.
    private const string RegistrationAuthorities = "123456789ANY";

    // The weight of position i is 3^i mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The full 18-character code.</summary>
    public string Value { get; }

    /// <summary>Position 1: the registration authority, e.g. '9' for market regulation.</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>Position 2: the kind of organisation within the authority, e.g. '1' for an enterprise.</summary>
    public char Category => Value[1];

    /// <summary>Positions 3-8: the administrative division code of the registering authority.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>Positions 9-17: the organisation code (GB 11714), with its own check character last.</summary>
    public string OrganizationCode => Value.Substring(8, 9);

    public override string ToString() => Value ?? string.Empty;

    /// <summary>
    /// Parses a credit code exactly as written (no trimming, no case folding). On failure, <paramref name="rule"/>
    /// is one of the CREDIT_CODE_* codes of <see cref="RuleCodes"/> and <paramref name="description"/> says what
    /// is wrong.
    /// </summary>
    public static bool TryParse(
        string? text,
        out UnifiedSocialCreditCode code,
        [NotNullWhen(false)] out string? rule,
        [NotNullWhen(false)] out string? description)
    {
        code = default;
        var problem = Check(text);
        if (problem is { } broken)
        {
            (rule, description) = broken;
            return false;
        }

        (rule, description) = (null, null);
        code = new UnifiedSocialCreditCode(text!);
        return true;
    }

    /// <summary>Parses a credit code known to be valid, e.g. one read back from storage.</summary>
    /// <exception cref="FormatException">The text is not a valid credit code.</exception>
    public static UnifiedSocialCreditCode Parse(string text) =>
        TryParse(text, out var code, out var rule, out var description)
            ? code
            : throw new FormatException($"{rule}: {description}");

    /// <summary>The check character for the first 17 characters of a code.</summary>
    /// <exception cref="ArgumentException">The input is not 17 characters of the code's character set.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Expected exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Characters.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException(
                    $"'{first17[i]}' is not a character of GB 32100-2015 credit codes.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Characters[(31 - (sum % 31)) % 31];
    }

    private static (string Rule, string Description)? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (RuleCodes.CreditCodeRequired, "is required");
        }

        if (text.Length != Length)
        {
            return (RuleCodes.CreditCodeLength, $"must be exactly 18 characters, not {text.Length} (GB 32100-2015)");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Characters.Contains(c))
            {
                continue;
            }

            var problem = c switch
            {
                >= 'a' and <= 'z' => $"character {i + 1} is a lower-case letter; credit codes are upper-case",
                'I' or 'O' or 'Z' or 'S' or 'V' =>
                    $"character {i + 1} is the letter {c}, which credit codes never use (no I, O, Z, S or V)",
                _ => $"character {i + 1} is not a digit or an upper-case letter of GB 32100-2015",
            };
            return (RuleCodes.CreditCodeCharacters, problem);
        }

        if (!RegistrationAuthorities.Contains(text[0]))
        {
            return (RuleCodes.CreditCodeRegistrationAuthority,
                $"the first character, {text[0]}, is not a registration authority of GB 32100-2015 (1-9, A, N or Y)");
        }

        if (text.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return (RuleCodes.CreditCodeRegion, "characters 3-8 must be the 6-digit region code");
        }

        var expected = ComputeCheckCharacter(text.AsSpan(0, Length - 1));
        if (text[Length - 1] != expected)
        {
            return (RuleCodes.CreditCodeCheckCharacter,
                $"check character should be {expected}, not {text[Length - 1]} (GB 32100-2015)");
        }

        return null;
    }
}
