using Hezhou.Exchange.Domain.Submissions;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>
/// The payload of a stored source version: the <see cref="V1.SubmissionRecord"/> exactly as its department sent it,
/// in its wire encoding. Every reader of a stored record decodes it here.
/// </summary>
public static class SourcePayload
{
    /// <summary>The record as it was sent.</summary>
    public static V1.SubmissionRecord Decode(byte[] payload) => V1.SubmissionRecord.Parser.ParseFrom(payload);

    /// <summary>The record as it was sent, or null where its version is missing.</summary>
    public static V1.SubmissionRecord? DecodeIfAny(byte[]? payload) => payload is null ? null : Decode(payload);

    /// <summary>The record's content as the domain reads it.</summary>
    public static SubmittedRecord ToDomain(byte[] payload) => Decode(payload).ToDomain();
}
