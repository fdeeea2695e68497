namespace Station.Compat.Tests;

/// <summary>
/// Every exception the gate makes, each one a place where the C# compiler lowers the same source differently
/// depending on what the core library offers. The net10.0 build sees .NET's System.Runtime; the device build sees
/// nanoFramework's mscorlib, which lacks the member, so the compiler falls back to a form the listing has.
/// Nothing a person writes is allowed here: only what the compiler itself chooses. Keep it this small.
/// Checked by compiling a snippet (event, lock, interpolated string, lambda) against nanoFramework's CoreLibrary
/// built from source: it references Delegate.Combine/Remove, Monitor.Enter(object), String.Format(string, object[])
/// and none of the attributes below, and has no MethodSpec.
/// </summary>
public static class GateAllowList
{
    /// <summary>
    /// Attributes the compiler adds by itself, and only when the core library defines them (nanoFramework's
    /// mscorlib defines none of these, so the device build simply goes without): allowed only as attributes, never
    /// touched by code, and the assembly-level ones only on the assembly or module.
    /// </summary>
    public static readonly SynthesizedAttribute[] SynthesizedAttributes =
    {
        new("System.Runtime.CompilerServices.CompilationRelaxationsAttribute", AssemblyLevelOnly: true),
        new("System.Runtime.CompilerServices.RuntimeCompatibilityAttribute", AssemblyLevelOnly: true),
        // [module: RefSafetyRules(11)]: emitted for any corlib that has ref fields (.NET 7+), whatever the LangVersion.
        new("System.Runtime.CompilerServices.RefSafetyRulesAttribute", AssemblyLevelOnly: true),
        // On auto-property backing fields, lambda closures, iterator classes.
        new("System.Runtime.CompilerServices.CompilerGeneratedAttribute", AssemblyLevelOnly: false),
    };

    /// <summary>
    /// Interpolated strings: against .NET 6+ the compiler builds <c>$"..."</c> with this handler (also at
    /// LangVersion 9) and its generic <c>AppendFormatted&lt;T&gt;</c>; against nanoFramework's mscorlib, which has no
    /// handler, the same source becomes string.Format/Concat, which the listing has. Its members and
    /// instantiations are allowed; nothing else about them is.
    /// </summary>
    public const string InterpolatedStringHandler = "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler";

    /// <summary>
    /// Field-like events: the compiler writes their add_/remove_ accessors as a lock-free loop over
    /// <c>Interlocked.CompareExchange&lt;T&gt;</c> when the core library has that generic method; nanoFramework's
    /// mscorlib has only the int overload, so the device build gets plain Delegate.Combine/Remove accessors.
    /// Allowed only inside the compiler-generated accessors of an event, instantiated over the event's own type.
    /// </summary>
    public const string EventAccessorCompareExchangeType = "System.Threading.Interlocked";

    /// <summary>The generic method name of <see cref="EventAccessorCompareExchangeType"/>.</summary>
    public const string EventAccessorCompareExchangeMethod = "CompareExchange";

    /// <summary>.NET declares Set/Reset on EventWaitHandle, the base of AutoResetEvent and ManualResetEvent; nanoFramework
    /// has no EventWaitHandle and declares them on both events.</summary>
    public static readonly BaseRebinding[] BaseRebindings =
    {
        new("System.Threading.EventWaitHandle", "bool Set()", new[] { "System.Threading.AutoResetEvent", "System.Threading.ManualResetEvent" }),
        new("System.Threading.EventWaitHandle", "bool Reset()", new[] { "System.Threading.AutoResetEvent", "System.Threading.ManualResetEvent" }),
    };

    /// <summary>
    /// Calls the compiler binds to a .NET-only overload that the same source binds, on nanoFramework, to a listed
    /// one: (type, member signature as .NET has it, the listed member nanoFramework's compiler picks, why).
    /// </summary>
    public static readonly Rebinding[] Rebindings =
    {
        // Interpolated strings and Format calls with 1-3 arguments: .NET has fixed-arity overloads; nanoFramework
        // has only Format(string, params object[]), which the compiler then uses for the same source.
        new("System.String", "string Format(string, object)", "string Format(string, object[])",
            "nanoFramework has only the params-array overload"),
        new("System.String", "string Format(string, object, object)", "string Format(string, object[])",
            "nanoFramework has only the params-array overload"),
        new("System.String", "string Format(string, object, object, object)", "string Format(string, object[])",
            "nanoFramework has only the params-array overload"),
        // `lock`: the compiler uses Monitor.Enter(object, ref bool) when it exists, else Monitor.Enter(object).
        new("System.Threading.Monitor", "void Enter(object, bool&)", "void Enter(object)",
            "lock statement lowering; nanoFramework's Monitor has Enter(object) only"),
    };
}

/// <summary>A member .NET declares on a base class that nanoFramework lacks, where nanoFramework declares it on the
/// listed subclasses: calls bind to <paramref name="Type"/> on .NET and to one of <paramref name="ListedOn"/> on the
/// device. Allowed only while no signature in the assembly names <paramref name="Type"/> itself (a field, local or
/// parameter of that type would not compile on the device).</summary>
public sealed record BaseRebinding(string Type, string Member, string[] ListedOn);

/// <summary>An attribute the compiler synthesizes; <paramref name="AssemblyLevelOnly"/> when it belongs on the assembly or module only.</summary>
public sealed record SynthesizedAttribute(string Type, bool AssemblyLevelOnly);

/// <summary>One compiler rebinding: <paramref name="Member"/> on .NET is <paramref name="NanoMember"/> on the device.</summary>
public sealed record Rebinding(string Type, string Member, string NanoMember, string Why);
