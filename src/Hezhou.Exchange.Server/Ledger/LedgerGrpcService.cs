using Grpc.Core;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Ledger;

/// <summary>The administrators' entry point to the ledger; who may call it is decided before this runs.</summary>
public sealed class LedgerGrpcService(LedgerVerifier verifier) : V1.LedgerService.LedgerServiceBase
{
    public override Task<V1.VerifyLedgerResponse> VerifyLedger(V1.VerifyLedgerRequest request, ServerCallContext context) =>
        verifier.VerifyAsync(request, context.CancellationToken);
}
