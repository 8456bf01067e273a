using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Submissions;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>
/// Finds, in a submitted record's bytes, the fields the contract does not define and the fields sent with another wire
/// type than the contract gives them. A protobuf parser keeps both aside as unknown fields and parses the record
/// without them, so the record would be stored carrying bytes nobody validated, or with a value silently missing.
/// </summary>
/// <remarks>
/// A client built from a newer contract than the server's would send fields this server does not know: the server is
/// upgraded before its clients, so a field it does not know is a fault, not the future.
/// </remarks>
public static class UnknownFieldCheck
{
    /// <summary>The violations in the record's serialized bytes, in the order the fields appear; none for most.</summary>
    public static IReadOnlyList<FieldViolation> Check(byte[] recordBytes)
    {
        var violations = new List<FieldViolation>();
        Walk(V1.SubmissionRecord.Descriptor, new CodedInputStream(recordBytes), "", violations);
        return violations;
    }

    private static void Walk(MessageDescriptor message, CodedInputStream input, string path, List<FieldViolation> violations)
    {
        var occurrences = new Dictionary<int, int>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            var wireType = WireFormat.GetTagWireType(tag);
            var field = message.FindFieldByNumber(number);
            if (field is null)
            {
                violations.Add(new FieldViolation(
                    Join(path, number.ToString(System.Globalization.CultureInfo.InvariantCulture)), RuleCodes.FieldUnknown,
                    $"field number {number} ({Describe(wireType)}) is not defined by {message.FullName}; a record " +
                    "carries only the contract's fields"));
                input.SkipLastField();
                continue;
            }

            var index = occurrences[number] = occurrences.GetValueOrDefault(number) + 1;
            var fieldPath = Join(path, field.IsRepeated ? $"{field.Name}[{index - 1}]" : field.Name);
            if (!Accepts(field, wireType))
            {
                violations.Add(new FieldViolation(
                    fieldPath, RuleCodes.FieldWrongType,
                    $"was sent as {Describe(wireType)}, but the contract defines it as {field.FieldType.ToString().ToLowerInvariant()} " +
                    $"({Describe(Expected(field.FieldType))})"));
                input.SkipLastField();
                continue;
            }

            if (field.FieldType == FieldType.Message)
            {
                var nested = input.ReadBytes();
                Walk(field.MessageType, new CodedInputStream(nested.ToByteArray()), fieldPath, violations);
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private static bool Accepts(FieldDescriptor field, WireFormat.WireType wireType) =>
        wireType == Expected(field.FieldType)
        // Repeated numbers may come packed into one length-delimited field.
        || (field.IsRepeated && wireType == WireFormat.WireType.LengthDelimited
            && field.FieldType is not (FieldType.Message or FieldType.String or FieldType.Bytes or FieldType.Group));

    private static WireFormat.WireType Expected(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        FieldType.Group => WireFormat.WireType.StartGroup,
        _ => WireFormat.WireType.Varint,
    };

    private static string Describe(WireFormat.WireType wireType) => wireType switch
    {
        WireFormat.WireType.Varint => "wire type 0, varint",
        WireFormat.WireType.Fixed64 => "wire type 1, 64-bit",
        WireFormat.WireType.LengthDelimited => "wire type 2, length-delimited",
        WireFormat.WireType.StartGroup => "wire type 3, group",
        WireFormat.WireType.EndGroup => "wire type 4, end of group",
        WireFormat.WireType.Fixed32 => "wire type 5, 32-bit",
        _ => $"wire type {(int)wireType}",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
