namespace Hezhou.Exchange.Server.Security;

/// <summary>
/// Why a presented credential was refused, in words meant for the caller: the message goes back with
/// UNAUTHENTICATED. Any other authentication failure is answered with a generic message.
/// </summary>
public sealed class CredentialRefusedException(string message) : Exception(message);
