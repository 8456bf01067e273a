using Hezhou.Exchange.Server.Security;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// Hides citizen IDs from a caller without the personal-data scope: "451102198005120011" becomes
/// "451102********0011", the form <see cref="Domain.Identity.CitizenId.Masked"/> gives. Requests always carry the
/// full ID; only what is returned is masked.
/// </summary>
public sealed class CitizenIdMask
{
    private static readonly CitizenIdMask Unmasked = new(false);
    private static readonly CitizenIdMask Masked = new(true);

    private readonly bool masks;

    private CitizenIdMask(bool masks) => this.masks = masks;

    public static CitizenIdMask For(Caller caller) =>
        caller.Scopes.Contains(ExchangeClaims.PersonalDataScope) ? Unmasked : Masked;

    /// <summary>A value known to be a citizen ID, masked as needed.</summary>
    public string Id(string citizenId) =>
        masks && citizenId.Length == Domain.Identity.CitizenId.Length ? Domain.Identity.CitizenId.Mask(citizenId) : citizenId;

    /// <summary>Text that may contain citizen IDs (a discrepancy's key, subject or explanation), masked as needed.</summary>
    public string IdsIn(string text) => masks ? Domain.Identity.CitizenId.MaskAllIn(text) : text;

    /// <summary>A copy of a record as a department sent it, with every citizen ID in it masked as needed.</summary>
    public V1.SubmissionRecord Record(V1.SubmissionRecord record)
    {
        if (!masks)
        {
            return record;
        }

        var copy = record.Clone();
        switch (copy.ContentCase)
        {
            case V1.SubmissionRecord.ContentOneofCase.Household:
                foreach (var member in copy.Household.Members)
                {
                    member.CitizenId = Id(member.CitizenId);
                }
                break;
            case V1.SubmissionRecord.ContentOneofCase.Employment:
                Person(copy.Employment.Person);
                break;
            case V1.SubmissionRecord.ContentOneofCase.WelfareEntitlement:
                Person(copy.WelfareEntitlement.Person);
                break;
            case V1.SubmissionRecord.ContentOneofCase.WelfarePayment:
                Person(copy.WelfarePayment.Person);
                break;
        }
        return copy;
    }

    private void Person(V1.PersonReference? person)
    {
        if (person is not null)
        {
            person.CitizenId = Id(person.CitizenId);
        }
    }
}
