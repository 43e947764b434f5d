using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CustomerAddresses.Client.Tests.Conventions;

/// <summary>The public surface, checked by reflection as a reviewer would: models, clients and documentation.</summary>
public sealed partial class PublicSurfaceTests
{
    private static readonly Assembly s_assembly = typeof(CustomerAddressesClient).Assembly;

    private static readonly Type[] s_public = s_assembly.GetExportedTypes();

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static IEnumerable<Type> Models => s_public.Where(t => t.IsClass && IsRecord(t));

    private static IEnumerable<Type> Clients => s_public.Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal));

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [Fact]
    public void Every_public_type_lives_in_the_one_public_namespace_or_the_DI_one()
    {
        Assert.All(s_public, t => Assert.Contains(t.Namespace, new[] { "CustomerAddresses.Client", "Microsoft.Extensions.DependencyInjection" }));
    }

    [Fact]
    public void Every_model_is_a_sealed_record_with_init_only_properties()
    {
        Assert.NotEmpty(Models);
        Assert.All(Models, model =>
        {
            Assert.True(model.IsSealed, $"{model.Name} is not sealed");
            foreach (PropertyInfo property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                Assert.True(IsInitOnly(property), $"{model.Name}.{property.Name} has a public setter");
            }
        });
    }

    [Fact]
    public void Every_wire_model_names_each_member_in_snake_case()
    {
        Type[] wire = Models.Where(m => m.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)).ToArray();

        Assert.Contains(typeof(Customer), wire);
        Assert.Contains(typeof(AddBillingAddressRequest), wire);
        Assert.All(wire.SelectMany(m => m.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (m, p))), x =>
        {
            string? name = x.p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            Assert.True(name is not null && SnakeCase().IsMatch(name), $"{x.m.Name}.{x.p.Name} has no snake_case JSON name");
        });
    }

    [Fact]
    public void Every_client_method_is_async_named_takes_a_cancellation_token_last_and_is_virtual()
    {
        MethodInfo[] methods = Clients
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.Name != nameof(IDisposable.Dispose))
            .ToArray();

        // Validate sends nothing: it is synchronous, and virtual like the rest.
        Assert.All(methods.Where(m => m.Name == "Validate"), m => Assert.True(m.IsVirtual && !m.IsFinal && m.ReturnType == typeof(IReadOnlyList<RequestProblem>)));
        methods = [.. methods.Where(m => m.Name != "Validate")];
        Assert.NotEmpty(methods);
        Assert.All(methods, m =>
        {
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            ParameterInfo last = m.GetParameters()[^1];
            Assert.Equal(typeof(CancellationToken), last.ParameterType);
            Assert.True(last.HasDefaultValue, $"{m.DeclaringType!.Name}.{m.Name}: the token should be optional");
            Assert.True(m.IsVirtual && !m.IsFinal, $"{m.DeclaringType!.Name}.{m.Name} is not virtual: a test double could not override it");
        });
    }

    [Fact]
    public void Every_client_can_be_derived_from_for_a_test_double()
    {
        Assert.All(Clients, c =>
        {
            Assert.False(c.IsSealed, $"{c.Name} is sealed");
            Assert.NotNull(c.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes));
        });
    }

    [Fact]
    public void Every_public_type_and_member_has_XML_documentation()
    {
        string xml = Path.Combine(AppContext.BaseDirectory, "CustomerAddresses.Client.xml");
        HashSet<string> documented = XDocument.Load(xml).Descendants("member")
            .Where(m => m.Elements().Any(e => e.Name == "summary" || e.Name == "inheritdoc"))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        int checkedMembers = 0;
        foreach (Type type in s_public)
        {
            string id = type.FullName!.Replace('+', '.');
            if (!documented.Contains("T:" + id))
            {
                missing.Add("T:" + id);
            }

            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                string? prefix = member switch
                {
                    PropertyInfo => $"P:{id}.{member.Name}",
                    MethodInfo m when !m.IsSpecialName && !IsCompilerGenerated(type, m) => $"M:{id}.{member.Name}",
                    FieldInfo f when !f.IsSpecialName => $"F:{id}.{member.Name}",
                    _ => null,
                };
                checkedMembers += prefix is null ? 0 : 1;
                if (prefix is not null && !documented.Any(d => d == prefix || d.StartsWith(prefix + "(", StringComparison.Ordinal) || d.StartsWith(prefix + "``", StringComparison.Ordinal)))
                {
                    missing.Add(prefix);
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(checkedMembers > 150, $"only {checkedMembers} members were checked");
    }

    /// <summary>Members a record or struct gets from the compiler (Equals, GetHashCode, Deconstruct, PrintMembers...).</summary>
    private static bool IsCompilerGenerated(Type type, MethodInfo method) =>
        method.GetCustomAttribute<CompilerGeneratedAttribute>() is not null
        || (IsRecord(type) && method.Name is "Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "<Clone>$")
        || method.GetBaseDefinition().DeclaringType != type && method.Name is "Equals" or "GetHashCode" or "ToString";
}
