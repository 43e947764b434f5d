namespace CustomerAddresses.Client.Tests.Primitives;

public sealed class ExpandableValueTests
{
    [Fact]
    public void Known_values_carry_their_wire_form()
    {
        Assert.Equal("active", CustomerStatus.Active.Value);
        Assert.Equal("inactive", CustomerStatus.Inactive.ToString());
        Assert.Equal("suspended", CustomerStatus.Suspended.Value);
        Assert.Equal("archived", CustomerStatus.Archived.Value);
        Assert.Equal("archived", AddressStatus.Archived.Value);
        Assert.Equal("ASC", SortOrder.Ascending.Value);
        Assert.Equal("DESC", SortOrder.Descending.Value);
        Assert.Equal("US", CountryCode.UnitedStates.Value);
    }

    [Fact]
    public void Unknown_values_are_kept_and_compare_ignoring_case()
    {
        var paused = new CustomerStatus("paused");

        Assert.Equal("paused", paused.Value);
        Assert.True(paused == new CustomerStatus("PAUSED"));
        Assert.True(CustomerStatus.Active == "Active");
        Assert.True(CustomerStatus.Active != paused);
        Assert.Equal(new CustomerStatus("x").GetHashCode(), new CustomerStatus("X").GetHashCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_values_are_refused(string? value) =>
        Assert.ThrowsAny<ArgumentException>(() => new AddressStatus(value!));

    [Fact]
    public void A_default_value_is_empty_not_null()
    {
        Assert.Equal(string.Empty, default(CountryCode).Value);
        Assert.Equal(string.Empty, default(CountryCode).ToString());
    }
}
