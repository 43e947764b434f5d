using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Addresses;

/// <summary>An address listing's options turned into its wire query, without HTTP.</summary>
public sealed class AddressListArgsTests
{
    [Fact]
    public void No_options_send_nothing_but_the_owner()
    {
        (OwnedListArgs args, PageQuery first) = AddressListArgs.From(Ids.PaddleCustomer, null);

        Assert.Equal(new OwnedListArgs(Ids.PaddleCustomer, null, null, null, null), args);
        Assert.Equal(new PageQuery(null, null, null, null), first);
    }

    [Fact]
    public void Every_option_has_its_wire_form()
    {
        (OwnedListArgs args, PageQuery first) = AddressListArgs.From(Ids.PaddleCustomer, new ListAddressesOptions
        {
            After = "add_01gm302t81w94gyjpjpqypkzkf",
            PerPage = 200,
            Order = SortOrder.Descending,
            Statuses = [AddressStatus.Archived, AddressStatus.Active],
            Search = "Office",
            Ids = [AddressId.Parse("add_01gm302t81w94gyjpjpqypkzkf"), AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx")],
        });

        Assert.Equal(new OwnedListArgs(Ids.PaddleCustomer, "id[DESC]", "archived,active", "Office", "add_01gm302t81w94gyjpjpqypkzkf,add_01hv8gq3318ktkfengj2r75gfx"), args);
        Assert.Equal(PageQuery.First("add_01gm302t81w94gyjpjpqypkzkf", 200), first);
    }

    [Fact]
    public void A_status_holding_a_comma_would_split_the_filter_and_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => AddressListArgs.From(Ids.PaddleCustomer, new ListAddressesOptions { Statuses = [new AddressStatus("active,archived")] }));

        Assert.Equal("options.Statuses", e.ParamName);
    }
}
