namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// One run of a bulk import. Rows run concurrently, those of one customer one after another (<see cref="RowTurns"/>). Every create is written to
/// the journal before it is sent; a create whose outcome is unknown (the connection cut after sending, a timeout, a 5xx)
/// is resolved by looking at the server (the customer by email, the customer's addresses), and is sent again only when
/// the server, asked twice a settle delay apart, does not have it.
/// </summary>
internal sealed class BulkImporter(CustomerAddressesClient client, TimeProvider time, BulkImportOptions options, ImportState state, ImportJournal? journal)
{
    private readonly CustomersClient _customers = client.Customers;
    private readonly AddressesClient _addresses = client.Addresses;
    private readonly BusinessesClient _businesses = client.Businesses;
    private readonly SemaphoreSlim _reports = new(1, 1); // rejections are reported one at a time, in the rows' order
    private readonly SortedDictionary<long, BulkRejectedRow?> _finished = [];
    private long _nextToReport;

    /// <summary>Works on one row once its turn (the previous row of its customer) is done, then reports it in order.</summary>
    internal async Task RowAsync(RowTurns turn, CancellationToken cancellationToken)
    {
        BulkRejectedRow? rejected = await WorkAsync(turn, cancellationToken).ConfigureAwait(false);
        await ReportInOrderAsync(turn.Index, rejected, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BulkRejectedRow?> WorkAsync(RowTurns turn, CancellationToken cancellationToken)
    {
        BulkImportRow row = turn.Row;
        await turn.After.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (state.Rows.TryGetValue(turn.Key, out string? rejectedBefore))
        {
            state.DoneBefore();
            state.Met(rejectedBefore is not null);
            return rejectedBefore is not null ? new BulkRejectedRow(row, rejectedBefore) : null;
        }

        if (state.Before.Count > 0)
        {
            state.Changed();
        }

        if ((turn.Conflict ?? ImportRowChecks.Problem(row, client)) is { } problem)
        {
            return Reject(turn, problem);
        }

        if (options.DryRun)
        {
            state.RowDone(turn.Key, addressFound: false, businessFound: false);
            return null;
        }

        string key = ImportRowChecks.Key(row);
        CustomerState customer = state.Of(key); // only this row works on it now: it had to wait for its turn
        string? refused = await CustomerAsync(key, row, customer, cancellationToken).ConfigureAwait(false);
        bool addressFound = false, businessFound = false;
        if (refused is null && row.HasAddress)
        {
            (refused, addressFound) = await OwnedAsync(OwnedKind.Address, key, row, customer, cancellationToken).ConfigureAwait(false);
        }

        if (refused is null && row.HasBusiness)
        {
            (refused, businessFound) = await OwnedAsync(OwnedKind.Business, key, row, customer, cancellationToken).ConfigureAwait(false);
        }

        if (refused is not null)
        {
            return Reject(turn, refused);
        }

        journal!.RowDone(turn.Key, row.LineNumber, addressFound, row.HasBusiness ? businessFound : null);
        state.RowDone(turn.Key, addressFound, businessFound);
        return null;
    }

    private BulkRejectedRow Reject(RowTurns turn, string reason)
    {
        journal?.RowRejected(turn.Key, turn.Row.LineNumber, reason);
        state.RowRejected(turn.Key, reason);
        return new BulkRejectedRow(turn.Row, reason);
    }

    /// <summary>Reports the rejected rows of every row finished so far whose earlier rows are all finished, in the rows' order.</summary>
    private async Task ReportInOrderAsync(long index, BulkRejectedRow? rejected, CancellationToken cancellationToken)
    {
        await _reports.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _finished.Add(index, rejected);
            while (_finished.Remove(_nextToReport, out BulkRejectedRow? next))
            {
                _nextToReport++;
                if (next is not null && options.OnRejected is { } report)
                {
                    await report(next, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _reports.Release();
        }
    }

    /// <summary>Makes sure the customer is on the server and its id known; returns why not when the server refuses it.</summary>
    private async Task<string?> CustomerAsync(string key, BulkImportRow row, CustomerState customer, CancellationToken cancellationToken)
    {
        for (int round = 0; customer.Id is null; round++)
        {
            if (customer.IdUnknown && await FindAsync(key, settle: true, cancellationToken).ConfigureAwait(false) is { } found)
            {
                Record(key, customer, found, created: false);
                break;
            }

            ImportFailures.GiveUpAfter(round, "customer");
            journal!.CustomerIntent(key);
            customer.IdUnknown = true;
            try
            {
                Customer created = await _customers.CreateAsync(ImportRowChecks.Customer(row), cancellationToken).ConfigureAwait(false);
                Record(key, customer, created.Id, created: true);
            }
            catch (ConflictException e)
            {
                CustomerId? existing = e.ExistingCustomerId ?? await FindAsync(key, settle: false, cancellationToken).ConfigureAwait(false);
                Record(key, customer, existing ?? throw new InvalidOperationException($"The server says a customer with the email of line {row.LineNumber} exists, but does not name it and does not list it."), created: false);
            }
            catch (ValidationFailedException e)
            {
                customer.IdUnknown = false; // refused: nothing was created
                return e.Message;
            }
            catch (RateLimitedException e)
            {
                customer.IdUnknown = false; // not processed
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ImportFailures.IsUnknownOutcome(e, cancellationToken))
            {
                // Maybe created: the next round looks for it before anything is sent again.
            }
        }

        return null;
    }

    private void Record(string key, CustomerState customer, CustomerId id, bool created)
    {
        journal!.Customer(key, id.Value, created);
        (customer.Id, customer.IdUnknown, customer.Created) = (id.Value, false, created);
        state.CustomerRecorded(created);
    }

    /// <summary>The customer with this email, active or archived, or null; when asked to settle, looked for again after the settle delay before null.</summary>
    private async Task<CustomerId?> FindAsync(string key, bool settle, CancellationToken cancellationToken)
    {
        CustomerId? found = await FindNowAsync(key, cancellationToken).ConfigureAwait(false);
        if (found is not null || !settle)
        {
            return found;
        }

        await Task.Delay(options.SettleDelay, time, cancellationToken).ConfigureAwait(false);
        return await FindNowAsync(key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CustomerId?> FindNowAsync(string key, CancellationToken cancellationToken)
    {
        var query = new ListCustomersOptions { Emails = [key], Statuses = [CustomerStatus.Active, CustomerStatus.Archived] };
        await foreach (Customer match in _customers.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(match.Email?.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                return match.Id;
            }
        }

        return null;
    }

    /// <summary>
    /// Makes sure the row's address (or business) is on the server once; returns why not when refused, and whether it was
    /// there already (identical in every imported member).
    /// </summary>
    private async Task<(string? Refused, bool Found)> OwnedAsync(OwnedKind kind, string key, BulkImportRow row, CustomerState customer, CancellationToken cancellationToken)
    {
        string fingerprint = kind == OwnedKind.Address ? ImportRowChecks.Fingerprint(row) : ImportRowChecks.BusinessFingerprint(row);
        OwnedState owned = customer.Of(kind);
        var customerId = CustomerId.Parse(customer.Id!);
        bool settled = false;
        for (int round = 0; ; round++)
        {
            if (!owned.Complete(customer.Created))
            {
                await ListAsync(kind, owned, customerId, cancellationToken).ConfigureAwait(false);
            }

            if (owned.Known.TryGetValue(fingerprint, out string? id))
            {
                if (!owned.Pending.Remove(fingerprint))
                {
                    return (null, !owned.Ours.Contains(fingerprint)); // the same one; found only if it was there before the import
                }

                journal!.Owned(kind, key, fingerprint, id, created: true); // this import's create, whose answer was lost
                owned.Ours.Add(fingerprint);
                state.Created(kind);
                return (null, false);
            }

            if (owned.Pending.Contains(fingerprint) && !settled)
            {
                // Sent, with an unknown outcome, and not there: it may still land. Look once more after the settle delay.
                (settled, owned.Listed) = (true, false);
                await Task.Delay(options.SettleDelay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            ImportFailures.GiveUpAfter(round, kind == OwnedKind.Address ? "address" : "business");
            journal!.OwnedIntent(kind, key, fingerprint);
            owned.Pending.Add(fingerprint);
            try
            {
                string created = kind == OwnedKind.Address
                    ? (await _addresses.CreateAsync(customerId, ImportRowChecks.Address(row), cancellationToken).ConfigureAwait(false)).Id.Value
                    : (await _businesses.CreateAsync(customerId, ImportRowChecks.Business(row), cancellationToken).ConfigureAwait(false)).Id.Value;
                owned.Pending.Remove(fingerprint);
                owned.Known[fingerprint] = created;
                owned.Ours.Add(fingerprint);
                journal.Owned(kind, key, fingerprint, created, created: true);
                state.Created(kind);
                return (null, false);
            }
            catch (Exception e) when (e is ValidationFailedException or ResourceNotFoundException)
            {
                owned.Pending.Remove(fingerprint); // refused: nothing was created
                return (e.Message, false);
            }
            catch (RateLimitedException e)
            {
                owned.Pending.Remove(fingerprint);
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ImportFailures.IsUnknownOutcome(e, cancellationToken))
            {
                (settled, owned.Listed) = (false, false); // maybe created: list again before anything is sent again
            }
        }
    }

    /// <summary>Reads every active address (or business) of the customer from the server into what the import knows.</summary>
    private async Task ListAsync(OwnedKind kind, OwnedState owned, CustomerId customerId, CancellationToken cancellationToken)
    {
        int? perPage = client.Dialect.MaxPageSize;
        if (kind == OwnedKind.Address)
        {
            var query = new ListAddressesOptions { Statuses = [AddressStatus.Active], PerPage = perPage };
            await foreach (Address address in _addresses.ListAsync(customerId, query, cancellationToken).ConfigureAwait(false))
            {
                owned.Known.TryAdd(ImportRowChecks.Fingerprint(address), address.Id.Value);
            }
        }
        else
        {
            var query = new ListBusinessesOptions { Statuses = [BusinessStatus.Active], PerPage = perPage };
            await foreach (Business business in _businesses.ListAsync(customerId, query, cancellationToken).ConfigureAwait(false))
            {
                owned.Known.TryAdd(ImportRowChecks.BusinessFingerprint(business), business.Id.Value);
            }
        }

        owned.Listed = true;
    }
}
