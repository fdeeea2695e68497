using System;
using System.IO;
using System.Linq;
using System.Reflection;
using NF = nanoFramework.TestFramework;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>
/// The on-target tests (tests/Station.Device.Tests, assembly NFUnitTest) built for net10.0: put through the gate with
/// the TestFramework listing, and run the way nanoFramework's launcher runs them ([Setup], each [TestMethod],
/// [Cleanup]). On the device they run under Visual Studio's test adapter; here they keep the files honest.
/// </summary>
public class DeviceTestsOnLinux
{
    private static readonly Assembly Tests = typeof(Station.Device.Tests.DebounceTests).Assembly;

    public static TheoryData<string> TestMethods()
    {
        var data = new TheoryData<string>();
        foreach (var type in TestClasses())
        {
            foreach (var m in Methods<NF.TestMethodAttribute>(type))
            {
                data.Add(type.Name + "." + m.Name);
            }
        }
        return data;
    }

    private static Type[] TestClasses() =>
        Tests.GetTypes().Where(t => t.GetCustomAttribute<NF.TestClassAttribute>() != null).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    private static MethodInfo[] Methods<TAttribute>(Type type) where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<TAttribute>() != null).OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_device_tests_are_named_NFUnitTest_and_cover_the_representative_set()
    {
        Assert.Equal("NFUnitTest", Tests.GetName().Name);
        var names = TestClasses().Select(t => t.Name).ToArray();
        foreach (var expected in new[] { "DebounceTests", "LiftRampTests", "LockFaultTests", "TransitionRowTests", "JournalTests", "FullSwapTests" })
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public void Device_tests_keep_no_instance_state()
    {
        // nanoFramework's launcher calls test methods without creating an instance: state must be static.
        foreach (var type in TestClasses())
        {
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.True(fields.Length == 0, $"{type.Name} has instance fields: {string.Join(", ", fields.Select(f => f.Name))}");
        }
    }

    [Fact]
    public void Device_tests_use_only_what_nanoFramework_and_its_TestFramework_list()
    {
        var sections = DeviceProjects.SectionsFor("tests/Station.Device.Tests/packages.config");
        Assert.Contains("nanoFramework.TestFramework", sections);
        var gate = new CompatGate(DeviceProjects.Listing(sections), DeviceProjects.PortableNames.Concat(new[] { "NFUnitTest" }));
        foreach (var other in DeviceProjects.Portable)
        {
            gate.KnownEnums.UnionWith(CompatGate.EnumsDefinedIn(File.ReadAllBytes(other.Marker.Assembly.Location)));
        }
        var findings = gate.Check(File.ReadAllBytes(Tests.Location));
        Assert.True(findings.Count == 0, "NFUnitTest uses what the device cannot run:\n  " + string.Join("\n  ", findings));
    }

    [Theory]
    [MemberData(nameof(TestMethods))]
    public void Device_test_passes(string test)
    {
        string[] parts = test.Split('.');
        var type = TestClasses().Single(t => t.Name == parts[0]);
        var method = Methods<NF.TestMethodAttribute>(type).Single(m => m.Name == parts[1]);
        object instance = method.IsStatic ? null : Activator.CreateInstance(type);
        foreach (var setup in Methods<NF.SetupAttribute>(type)) Invoke(setup, instance);
        try
        {
            Invoke(method, instance);
        }
        finally
        {
            foreach (var cleanup in Methods<NF.CleanupAttribute>(type)) Invoke(cleanup, instance);
        }
    }

    private static void Invoke(MethodInfo method, object instance)
    {
        try
        {
            method.Invoke(method.IsStatic ? null : instance, null);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
