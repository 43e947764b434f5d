using CustomerAddresses.Client.Configuration;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// One run of a bulk import. Rows run concurrently, those of one customer one after another (<see cref="RowTurns"/>). Every create is written to
/// the journal before it is sent; a create whose outcome is unknown (the connection cut after sending, a timeout, a 5xx)
/// is resolved by looking at the server (the customer by email, the customer's addresses), and is sent again only when
/// the server, asked twice a settle delay apart, does not have it.
/// </summary>
internal sealed class BulkImporter(CustomersClient customers, AddressesClient addresses, WireDialect dialect, TimeProvider time, BulkImportOptions options, ImportState state, ImportJournal? journal)
{
    private readonly SemaphoreSlim _rejections = new(1, 1); // OnRejected runs one call at a time

    /// <summary>Works on one row once <paramref name="turn"/> (the previous row of its customer) is done.</summary>
    internal async Task RowAsync(BulkImportRow row, Task turn, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (state.Rows.TryGetValue(row.LineNumber, out string? rejectedBefore))
        {
            if (rejectedBefore is not null)
            {
                await ReportAsync(new BulkRejectedRow(row, rejectedBefore), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (ImportRowChecks.Problem(row, dialect) is { } problem)
        {
            await RejectAsync(row, problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (options.DryRun)
        {
            state.RowDone(row.LineNumber, addressFound: false);
            return;
        }

        string key = ImportRowChecks.Key(row);
        CustomerState customer = state.Of(key); // only this row works on it now: it had to wait for its turn
        string? refused = await CustomerAsync(key, row, customer, cancellationToken).ConfigureAwait(false);
        bool addressFound = false;
        if (refused is null && row.HasAddress)
        {
            (refused, addressFound) = await AddressAsync(key, row, customer, cancellationToken).ConfigureAwait(false);
        }

        if (refused is not null)
        {
            await RejectAsync(row, refused, cancellationToken).ConfigureAwait(false);
            return;
        }

        journal!.RowDone(row.LineNumber, addressFound);
        state.RowDone(row.LineNumber, addressFound);
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
                Customer created = await customers.CreateAsync(ImportRowChecks.Customer(row), cancellationToken).ConfigureAwait(false);
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
        await foreach (Customer match in customers.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(match.Email?.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                return match.Id;
            }
        }

        return null;
    }

    /// <summary>Makes sure the row's address is on the server once; returns why not when refused, and whether it was there already.</summary>
    private async Task<(string? Refused, bool Found)> AddressAsync(string key, BulkImportRow row, CustomerState customer, CancellationToken cancellationToken)
    {
        string fingerprint = ImportRowChecks.Fingerprint(row);
        var customerId = CustomerId.Parse(customer.Id!);
        bool settled = false;
        for (int round = 0; ; round++)
        {
            if (!customer.Complete)
            {
                await ListAsync(customer, customerId, cancellationToken).ConfigureAwait(false);
            }

            if (customer.Known.TryGetValue(fingerprint, out string? id))
            {
                if (!customer.Pending.Remove(fingerprint))
                {
                    return (null, !customer.Ours.Contains(fingerprint)); // the same address; found only if it was there before the import
                }

                journal!.Address(key, fingerprint, id, created: true); // this import's create, whose answer was lost
                customer.Ours.Add(fingerprint);
                state.AddressCreated();
                return (null, false);
            }

            if (customer.Pending.Contains(fingerprint) && !settled)
            {
                // Sent, with an unknown outcome, and not there: it may still land. Look once more after the settle delay.
                (settled, customer.Listed) = (true, false);
                await Task.Delay(options.SettleDelay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            ImportFailures.GiveUpAfter(round, "address");
            journal!.AddressIntent(key, fingerprint);
            customer.Pending.Add(fingerprint);
            try
            {
                Address created = await addresses.CreateAsync(customerId, ImportRowChecks.Address(row), cancellationToken).ConfigureAwait(false);
                customer.Pending.Remove(fingerprint);
                customer.Known[fingerprint] = created.Id.Value;
                customer.Ours.Add(fingerprint);
                journal.Address(key, fingerprint, created.Id.Value, created: true);
                state.AddressCreated();
                return (null, false);
            }
            catch (Exception e) when (e is ValidationFailedException or ResourceNotFoundException)
            {
                customer.Pending.Remove(fingerprint); // refused: nothing was created
                return (e.Message, false);
            }
            catch (RateLimitedException e)
            {
                customer.Pending.Remove(fingerprint);
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ImportFailures.IsUnknownOutcome(e, cancellationToken))
            {
                (settled, customer.Listed) = (false, false); // maybe created: list again before anything is sent again
            }
        }
    }

    /// <summary>Reads every active address of the customer from the server into what the import knows.</summary>
    private async Task ListAsync(CustomerState customer, CustomerId customerId, CancellationToken cancellationToken)
    {
        var query = new ListAddressesOptions { Statuses = [AddressStatus.Active], PerPage = dialect.Kind == ApiDialect.PaddleBilling ? 200 : null };
        await foreach (Address address in addresses.ListAsync(customerId, query, cancellationToken).ConfigureAwait(false))
        {
            customer.Known.TryAdd(ImportRowChecks.Fingerprint(address), address.Id.Value);
        }

        customer.Listed = true;
    }

    private async Task RejectAsync(BulkImportRow row, string reason, CancellationToken cancellationToken)
    {
        if (!options.DryRun)
        {
            journal!.RowRejected(row.LineNumber, reason);
        }

        state.RowRejected(row.LineNumber, reason);
        await ReportAsync(new BulkRejectedRow(row, reason), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportAsync(BulkRejectedRow rejected, CancellationToken cancellationToken)
    {
        if (options.OnRejected is not { } report) { return; }

        await _rejections.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await report(rejected, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _rejections.Release();
        }
    }
}
