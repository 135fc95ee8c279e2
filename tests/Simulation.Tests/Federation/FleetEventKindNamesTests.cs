using System.Reflection;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Federation;

/// <summary>The trace's kind names: every constant of <see cref="FleetEventKinds"/> is named after itself.</summary>
public sealed class FleetEventKindNamesTests
{
    [Fact]
    public void Every_fleet_kind_has_its_constants_name()
    {
        var constants = typeof(FleetEventKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToArray();
        Assert.True(constants.Length >= 19, $"only {constants.Length} kinds found");
        foreach (var field in constants) Assert.Equal(field.Name, FleetEventKindNames.Of((int)field.GetRawConstantValue()!));
    }

    [Fact]
    public void An_unknown_kind_is_its_number()
    {
        Assert.Equal("99", FleetEventKindNames.Of(99));
        Assert.Equal("-3", FleetEventKindNames.Of(-3));
        Assert.Equal("CheckIn", FleetEventKindNames.Of(1));
    }
}
