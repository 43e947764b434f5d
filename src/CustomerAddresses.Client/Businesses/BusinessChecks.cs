using CustomerAddresses.Client.Primitives;
using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.Businesses;

/// <summary>The business operations' argument checks, Paddle's <c>business-create</c> and <c>business-update</c>; each failure names the member, before any request.</summary>
internal static class BusinessChecks
{
    private const int MaxContacts = 100;

    internal static void Create((CustomerId CustomerId, CreateBusinessRequest Request) args)
    {
        TypedId.ThrowIfDefault(args.CustomerId, "customerId");
        CreateBusinessRequest request = args.Request ?? throw new ArgumentNullException("request");
        Required(request.Name, "request.Name", 1024);
        Optional(request.CompanyNumber, "request.CompanyNumber", 1024);
        Optional(request.TaxIdentifier, "request.TaxIdentifier", 1024);
        Contacts(request.Contacts);
        CustomData(request.CustomData, "request.CustomData");
    }

    internal static void Update((CustomerId CustomerId, BusinessId Id, UpdateBusinessRequest Request) args)
    {
        Ids((args.CustomerId, args.Id));
        UpdateBusinessRequest request = args.Request ?? throw new ArgumentNullException("request");
        if (request.Name is not null)
        {
            Required(request.Name, "request.Name", 1024);
        }

        Optional(request.CompanyNumber.Value, "request.CompanyNumber", 1024);
        Optional(request.TaxIdentifier.Value, "request.TaxIdentifier", 1024);
        Contacts(request.Contacts);
        NotDefault(request.Status, "request.Status");
        CustomData(request.CustomData.Value, "request.CustomData");
    }

    internal static void Ids((CustomerId CustomerId, BusinessId Id) args)
    {
        TypedId.ThrowIfDefault(args.CustomerId, "customerId");
        TypedId.ThrowIfDefault(args.Id, "businessId");
    }

    /// <summary>At most 100 contacts, each with an email address and a name of at most 1,024 characters, no two the same (Paddle's <c>uniqueItems</c>).</summary>
    private static void Contacts(IReadOnlyList<BusinessContact>? contacts)
    {
        if (contacts is null)
        {
            return;
        }

        if (contacts.Count > MaxContacts)
        {
            throw new ArgumentException($"request.Contacts must hold at most {MaxContacts} contacts (it has {contacts.Count}).", "request.Contacts");
        }

        var seen = new HashSet<(string?, string)>();
        for (int i = 0; i < contacts.Count; i++)
        {
            string name = $"request.Contacts[{i}]";
            BusinessContact contact = contacts[i] ?? throw new ArgumentException($"{name} is null.", "request.Contacts");
            Email(contact.Email, $"{name}.Email");
            Optional(contact.Name, $"{name}.Name", 1024);
            if (!seen.Add((contact.Name, contact.Email)))
            {
                throw new ArgumentException($"{name} repeats an earlier contact: each contact may be given once.", "request.Contacts");
            }
        }
    }
}
