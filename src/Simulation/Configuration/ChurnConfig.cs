using FgsActors.Models.Availability;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;
using MathNet.Numerics;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// The <c>fgs.churn</c> section: how devices come and go. Bound and checked for every run (the renewal parameters
/// whichever model is chosen); the trace file is read only by <see cref="ToChurnSettings"/>.
/// </summary>
/// <param name="Model">None (always online), renewal on/off process, or trace replay.</param>
/// <param name="OnDistribution">Family of online period lengths.</param>
/// <param name="OffDistribution">Family of offline period lengths.</param>
/// <param name="MeanOnlineTicks">Mean online period, ticks (ns).</param>
/// <param name="MeanOfflineTicks">Mean offline period, ticks (ns).</param>
/// <param name="WeibullShapeOn">Weibull shape k of online periods (used when they are Weibull).</param>
/// <param name="WeibullShapeOff">Weibull shape k of offline periods (used when they are Weibull).</param>
/// <param name="Diurnal">Whether the time of day modulates the renewal process.</param>
/// <param name="DiurnalPeakHour">Hour of day [0, 24) of the highest modulated rate.</param>
/// <param name="DiurnalAmplitude">Relative amplitude [0, 1).</param>
/// <param name="DiurnalTarget">Which phase the time of day modulates.</param>
/// <param name="TracePath">Availability trace, resolved against the config file that set it; empty unless the model is trace.</param>
public sealed record ChurnConfig(
    ChurnModel Model,
    PeriodDistribution OnDistribution,
    PeriodDistribution OffDistribution,
    long MeanOnlineTicks,
    long MeanOfflineTicks,
    double WeibullShapeOn,
    double WeibullShapeOff,
    bool Diurnal,
    double DiurnalPeakHour,
    double DiurnalAmplitude,
    DiurnalTarget DiurnalTarget,
    string TracePath)
{
    private static readonly (string Word, ChurnModel Model)[] ModelWords =
        [("none", ChurnModel.None), ("renewal", ChurnModel.Renewal), ("trace", ChurnModel.Trace)];

    private static readonly (string Word, PeriodDistribution Distribution)[] DistributionWords =
        [("exponential", PeriodDistribution.Exponential), ("weibull", PeriodDistribution.Weibull)];

    private static readonly (string Word, DiurnalTarget Target)[] TargetWords =
        [("off-to-on-rate", DiurnalTarget.OffToOnRate), ("on-period-length", DiurnalTarget.OnPeriodLength), ("both", DiurnalTarget.Both)];

    /// <summary>The on/off process of <see cref="ChurnModel.Renewal"/> (built whatever the model, for checking).</summary>
    public RenewalProcess ToRenewalProcess() => new(
        Period(OnDistribution, MeanOnlineTicks, WeibullShapeOn),
        Period(OffDistribution, MeanOfflineTicks, WeibullShapeOff),
        Diurnal ? new DiurnalModulation(DiurnalPeakHour, DiurnalAmplitude, DiurnalTarget) : null);

    /// <summary>
    /// The churn a fleet scenario runs with; for <see cref="ChurnModel.Trace"/> this reads the trace file. A file that
    /// cannot be opened is a <see cref="ConfigException"/> naming the key; a malformed one is the reader's
    /// <c>FleetInputException</c> naming file and line.
    /// </summary>
    public ChurnSettings ToChurnSettings() => Model switch
    {
        ChurnModel.Renewal => new ChurnSettings(ChurnModel.Renewal, Renewal: ToRenewalProcess()),
        ChurnModel.Trace => new ChurnSettings(ChurnModel.Trace, Trace: ConfigPaths.Load(FgsKeys.ChurnTrace, TracePath, AvailabilityTraceCsv.Load)),
        _ => ChurnSettings.AlwaysOnline,
    };

    internal static ChurnConfig Bind(SettingsReader reader)
    {
        var model = reader.GetChoice(FgsKeys.ChurnModel, ModelWords);
        var trace = reader.GetPath(FgsKeys.ChurnTrace);
        if (model == ChurnModel.Trace && trace.Length == 0)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.ChurnTrace)!,
                $"the path of an availability trace CSV (required when {FgsKeys.ChurnModel} = trace)");
        }
        var config = new ChurnConfig(
            model,
            reader.GetChoice(FgsKeys.ChurnOnDistribution, DistributionWords),
            reader.GetChoice(FgsKeys.ChurnOffDistribution, DistributionWords),
            reader.GetDuration(FgsKeys.ChurnMeanOnline, minTicks: 1),
            reader.GetDuration(FgsKeys.ChurnMeanOffline, minTicks: 1),
            reader.GetDouble(FgsKeys.ChurnWeibullShapeOn, 0, minExclusive: true),
            reader.GetDouble(FgsKeys.ChurnWeibullShapeOff, 0, minExclusive: true),
            reader.GetBool(FgsKeys.ChurnDiurnal),
            reader.GetDouble(FgsKeys.ChurnDiurnalPeakHour, 0, 24, maxExclusive: true),
            reader.GetDouble(FgsKeys.ChurnDiurnalAmplitude, 0, 1, maxExclusive: true),
            reader.GetChoice(FgsKeys.ChurnDiurnalTarget, TargetWords),
            trace);
        CheckWeibullScale(reader, FgsKeys.ChurnWeibullShapeOn, config.MeanOnlineTicks, config.WeibullShapeOn);
        CheckWeibullScale(reader, FgsKeys.ChurnWeibullShapeOff, config.MeanOfflineTicks, config.WeibullShapeOff);
        return config;
    }

    // Weibull periods are parameterised by their mean: scale λ = mean / Γ(1 + 1/k), so that λ·Γ(1 + 1/k) = mean.
    private static OnOffDistribution Period(PeriodDistribution distribution, long meanTicks, double shape)
    {
        var meanS = VirtualTime.ToSeconds(meanTicks);
        return distribution == PeriodDistribution.Weibull
            ? OnOffDistribution.Weibull(shape, WeibullScale(meanS, shape))
            : OnOffDistribution.Exponential(meanS);
    }

    private static double WeibullScale(double meanS, double shape) => meanS / SpecialFunctions.Gamma(1 + 1 / shape);

    // Γ(1 + 1/k) overflows for k below about 0.0059, which would make the scale 0; such a shape is refused by name
    // even while the periods are exponential, like every other value.
    private static void CheckWeibullScale(SettingsReader reader, string key, long meanTicks, double shape)
    {
        var scale = WeibullScale(VirtualTime.ToSeconds(meanTicks), shape);
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(key)!,
                "a number > 0 for which the Weibull scale mean / Γ(1 + 1/k) is a positive number (k of about 0.006 or more)");
        }
    }
}
