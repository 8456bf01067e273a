using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Ledger;

/// <summary>
/// Recomputes the ledger's chains from the store and reports the first broken link of each. A chain is read in
/// sequence order a page at a time, so memory stays bounded however large the store; each row is checked against its
/// own stored links, so one altered row is reported as one break and the rows after it are still checked. Then the
/// rows kept beside each chain that point into it are checked against it (<see cref="LedgerReferences"/>).
/// </summary>
public sealed class LedgerVerifier(ExchangeDbContext db, AccessLogStore logStore, TimeProvider clock)
{
    /// <summary>Rows read per query; a source version's payload is a few kilobytes at most.</summary>
    public const int PageSize = 1_000;

    public async Task<V1.VerifyLedgerResponse> VerifyAsync(V1.VerifyLedgerRequest request, CancellationToken cancellationToken)
    {
        var (chains, anchors) = Read(request);
        var response = new V1.VerifyLedgerResponse { VerifyTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()) };
        foreach (var chain in chains)
        {
            var chainAnchors = anchors.Where(a => a.Chain == chain).ToList();
            response.Chains.Add(chain switch
            {
                V1.LedgerChain.SourceVersions => await VerifyAsync(
                    db, db.SourceVersions, chain, LedgerChains.SourceVersions, chainAnchors,
                    LedgerReferences.SourceVersionsAsync, cancellationToken),
                _ => await logStore.ReadAsync(db, log => VerifyAsync(
                    log, log.AccessLog, chain, LedgerChains.AccessLog, chainAnchors,
                    LedgerReferences.AccessLogAsync, cancellationToken)),
            });
        }
        return response;
    }

    private static (List<V1.LedgerChain> Chains, List<V1.LedgerAnchor> Anchors) Read(V1.VerifyLedgerRequest request)
    {
        var known = new[] { V1.LedgerChain.SourceVersions, V1.LedgerChain.AccessLog };
        const string KnownChains = "must be LEDGER_CHAIN_SOURCE_VERSIONS or LEDGER_CHAIN_ACCESS_LOG";
        var violations = new List<(string, string)>();
        for (var i = 0; i < request.Chains.Count; i++)
        {
            if (!known.Contains(request.Chains[i]))
            {
                violations.Add(($"chains[{i}]", KnownChains));
            }
        }
        var anchors = new List<V1.LedgerAnchor>();
        for (var i = 0; i < request.Anchors.Count; i++)
        {
            var anchor = request.Anchors[i];
            if (!known.Contains(anchor.Chain))
            {
                violations.Add(($"anchors[{i}].chain", KnownChains));
            }
            if (anchor.Sequence < 1)
            {
                violations.Add(($"anchors[{i}].sequence", "must be 1 or more: the sequence of a chain's row"));
            }
            if (anchor.Hash.Length != 64 || !anchor.Hash.All(char.IsAsciiHexDigit))
            {
                violations.Add(($"anchors[{i}].hash", "must be 64 hex digits: the SHA-256 hash of a chain's row"));
            }
            anchors.Add(new V1.LedgerAnchor { Chain = anchor.Chain, Sequence = anchor.Sequence, Hash = anchor.Hash.ToLowerInvariant() });
        }
        if (violations.Count > 0)
        {
            throw ExchangeErrors.InvalidArgument([.. violations]);
        }
        return ([.. known.Where(c => request.Chains.Count == 0 || request.Chains.Contains(c))], anchors);
    }

    /// <param name="store">The database that holds the chain's table and its head.</param>
    /// <param name="references">The checks of the rows in <paramref name="store"/> that point into the chain.</param>
    private static async Task<V1.ChainVerification> VerifyAsync<T>(
        ExchangeDbContext store, DbSet<T> table, V1.LedgerChain chain, string name, IReadOnlyList<V1.LedgerAnchor> anchors,
        Func<ExchangeDbContext, CancellationToken, Task<List<ReferenceBreak>>> references, CancellationToken cancellationToken)
        where T : class, IChainedRow
    {
        // Rows appended after this read are left to the next verification: they are committed with the head that
        // covers them, so every row up to this head is already in the store.
        var head = await store.LedgerHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == name, cancellationToken);
        var walk = new ChainWalk(name, anchors);
        var end = head?.Sequence ?? long.MaxValue;
        var after = 0L;
        List<T> page;
        do
        {
            page = await table.AsNoTracking()
                .Where(r => r.LedgerSequence > after && r.LedgerSequence <= end)
                .OrderBy(r => r.LedgerSequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            page.ForEach(walk.Check);
            after = page.Count > 0 ? page[^1].LedgerSequence!.Value : after;
        }
        while (page.Count == PageSize);
        walk.CheckEnd(head);

        // Rows outside the chain: none has a sequence, or one beyond the head as it stands when this statement runs
        // (read in the same statement, so that a batch committed meanwhile is not taken for an intruder).
        var outside = table.AsNoTracking().Where(r => r.LedgerSequence == null
            || r.LedgerSequence > store.LedgerHeads.Where(h => h.Chain == name).Select(h => (long?)h.Sequence).FirstOrDefault());
        var outsideCount = await outside.LongCountAsync(cancellationToken);
        if (outsideCount > 0)
        {
            walk.Outside(await outside.OrderBy(r => r.Id).FirstAsync(cancellationToken), outsideCount);
        }
        // The rows beside the chain are not chained: what they name must be in it, or a rewrite of the chain's tail
        // and head that no anchor covers would pass.
        (await references(store, cancellationToken)).ForEach(walk.Reference);

        return new V1.ChainVerification
        {
            Chain = chain,
            Table = name,
            RowsChecked = walk.RowsChecked,
            Intact = walk.BreakCount == 0,
            HeadSequence = head?.Sequence ?? 0,
            HeadHash = head?.Hash ?? "",
            FirstBreak = walk.FirstBreak,
            BreakCount = walk.BreakCount,
            AnchorsChecked = anchors.Count,
        };
    }

    /// <summary>One chain walked in sequence order: what the next row must link to, and what was found broken.</summary>
    private sealed class ChainWalk(string table, IReadOnlyList<V1.LedgerAnchor> anchors)
    {
        private readonly ILookup<long, string> anchored = anchors.ToLookup(a => a.Sequence, a => a.Hash);
        private readonly HashSet<long> anchorsFound = [];
        private long expectedSequence = 1;
        private string previousHash = LedgerChains.Genesis;
        private IChainedRow? last;

        public long RowsChecked { get; private set; }

        public long BreakCount { get; private set; }

        public V1.LedgerBreak? FirstBreak { get; private set; }

        public void Check(IChainedRow row)
        {
            RowsChecked++;
            var sequence = row.LedgerSequence!.Value;
            var storedPrevious = row.LedgerPreviousHash ?? "";
            if (sequence != expectedSequence)
            {
                var missing = sequence - expectedSequence;
                Break(V1.LedgerBreakKind.RowsMissing, row, previousHash, storedPrevious, expectedSequence == 1
                    ? $"the chain starts at sequence {sequence}: {Rows(missing)} removed from its start"
                    : $"sequence {sequence} follows sequence {expectedSequence - 1}: {Rows(missing)} removed");
            }
            else if (!string.Equals(storedPrevious, previousHash, StringComparison.Ordinal))
            {
                Break(V1.LedgerBreakKind.LinkAltered, row, previousHash, storedPrevious, sequence == 1
                    ? "its previous hash is not the chain's start (64 zeros)"
                    : $"its previous hash is not the stored hash of sequence {sequence - 1}");
            }
            else if (LedgerEncoding.HashOf(row, sequence, storedPrevious) is var recomputed
                && !string.Equals(recomputed, row.LedgerHash, StringComparison.Ordinal))
            {
                Break(V1.LedgerBreakKind.ContentAltered, row, recomputed, row.LedgerHash ?? "",
                    "its content does not give its stored hash: a column of the row, or its hash, was changed");
            }
            foreach (var hash in anchored[sequence])
            {
                anchorsFound.Add(sequence);
                if (!string.Equals(hash, row.LedgerHash, StringComparison.Ordinal))
                {
                    Break(V1.LedgerBreakKind.AnchorMismatch, row, hash, row.LedgerHash ?? "",
                        $"sequence {sequence} does not hold the hash recorded for it: the chain was rewritten since");
                }
            }
            // The rows after are checked against what the store holds, so a break is reported where it is, once.
            previousHash = row.LedgerHash ?? "";
            expectedSequence = sequence + 1;
            last = row;
        }

        public void CheckEnd(LedgerHead? head)
        {
            foreach (var anchor in anchored.Where(a => !anchorsFound.Contains(a.Key)).OrderBy(a => a.Key))
            {
                foreach (var hash in anchor)
                {
                    Break(V1.LedgerBreakKind.AnchorMismatch, null, hash, "",
                        $"no row of sequence {anchor.Key} up to the head: the chain was cut short or rewritten since the anchor was recorded");
                }
            }
            if (head is null)
            {
                Break(V1.LedgerBreakKind.HeadMismatch, last, "", last?.LedgerHash ?? "",
                    $"ledger_heads holds no head for {table}");
            }
            else if (last is null && head.Sequence != 0)
            {
                Break(V1.LedgerBreakKind.HeadMismatch, null, head.Hash, "",
                    $"the head records sequence {head.Sequence} but the chain has no row: every row was removed");
            }
            else if (last is not null && last.LedgerSequence != head.Sequence)
            {
                var missing = head.Sequence - last.LedgerSequence!.Value;
                Break(V1.LedgerBreakKind.HeadMismatch, last, head.Hash, last.LedgerHash ?? "",
                    $"the chain ends at sequence {last.LedgerSequence} but its head records sequence {head.Sequence}: "
                    + $"{Rows(missing)} removed from its end");
            }
            else if (last is not null && !string.Equals(last.LedgerHash, head.Hash, StringComparison.Ordinal))
            {
                Break(V1.LedgerBreakKind.HeadMismatch, last, head.Hash, last.LedgerHash ?? "",
                    $"the hash of sequence {head.Sequence} is not the head hash recorded in ledger_heads");
            }
        }

        public void Outside(IChainedRow first, long count)
        {
            var where = first.LedgerSequence is { } sequence ? $"sequence {sequence}, beyond the head" : "no sequence";
            Break(V1.LedgerBreakKind.RowOutsideChain, first, "", first.LedgerHash ?? "",
                $"{Rows(count)} outside the chain, added behind the service's back; this one, the first by Id, has {where}",
                count);
        }

        public void Reference(ReferenceBreak broken)
        {
            BreakCount += broken.Count;
            FirstBreak ??= new V1.LedgerBreak
            {
                Kind = broken.Kind,
                Table = broken.Table,
                RowId = broken.RowId,
                Description = broken.Description,
            };
        }

        private void Break(
            V1.LedgerBreakKind kind, IChainedRow? row, string expected, string stored, string description, long count = 1)
        {
            BreakCount += count;
            FirstBreak ??= new V1.LedgerBreak
            {
                Kind = kind,
                Table = table,
                RowId = row?.Id ?? 0,
                Sequence = row?.LedgerSequence ?? 0,
                ExpectedHash = expected,
                StoredHash = stored,
                Description = row is null
                    ? $"{table}: {description}"
                    : $"{table} Id {row.Id.ToString(CultureInfo.InvariantCulture)}: {description}",
            };
        }

        private static string Rows(long count) => count == 1 ? "1 row" : $"{count:N0} rows";
    }
}
