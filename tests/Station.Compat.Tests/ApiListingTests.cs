using System.Linq;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>The listing parser reads every row kind of the listing format.</summary>
public class ApiListingTests
{
    private const string Sample = @"##### mscorlib
sealed class System.String : IComparable, IEnumerable
    ctor(char[] value, int startIndex, int length)
    static string Empty
    char this[int index] { get; }
    int Length { get; }
    static string Format(string format, object[] args)
    string PadLeft(int totalWidth, char paddingChar =  )
    static bool TryParse(string s, out int result)
struct System.Threading.SpinWait
    const int Limit = 10
enum System.DayOfWeek
    Sunday=0, Monday=1
enum System.IO.IOException+IOExceptionErrorCode
    Others=-536870912
delegate void System.Threading.ThreadStart()
class System.Timers.Ticker
    event EventHandler Elapsed
    bool Enabled { get; set; }
##### System.Other
class System.Other.Thing
    ctor()
";

    private static string[] Signatures(ApiListing l, string type) => l.Find(type)!.Members.Select(m => m.Signature).ToArray();

    [Fact]
    public void Reads_ctors_fields_properties_indexers_and_methods()
    {
        var l = ApiListing.Parse(Sample);
        var s = Signatures(l, "System.String");
        Assert.Contains("void .ctor(char[], int, int)", s);
        Assert.Contains("string Empty", s);
        Assert.Contains("char get_Chars(int)", s);
        Assert.Contains("int get_Length()", s);
        Assert.Contains("string Format(string, object[])", s);
        Assert.Contains("string PadLeft(int, char)", s);
        Assert.Contains("bool TryParse(string, int&)", s);
        Assert.DoesNotContain(s, x => x.StartsWith("void set_Length", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "IComparable", "IEnumerable" }, l.Find("System.String")!.Bases);
    }

    [Fact]
    public void Reads_events_setters_delegates_enums_and_nested_types()
    {
        var l = ApiListing.Parse(Sample);
        var t = Signatures(l, "System.Timers.Ticker");
        Assert.Contains("void add_Elapsed(EventHandler)", t);
        Assert.Contains("void remove_Elapsed(EventHandler)", t);
        Assert.Contains("void set_Enabled(bool)", t);
        var d = Signatures(l, "System.Threading.ThreadStart");
        Assert.Contains("void Invoke()", d);
        Assert.Contains("void .ctor(object, IntPtr)", d);
        Assert.Empty(l.Find("System.DayOfWeek")!.Members);
        Assert.NotNull(l.Find("System.IO.IOException+IOExceptionErrorCode"));
        Assert.Contains("int Limit", Signatures(l, "System.Threading.SpinWait"));
    }

    [Fact]
    public void Takes_only_the_sections_asked_for()
    {
        var l = ApiListing.Parse(Sample, new[] { "mscorlib" });
        Assert.NotNull(l.Find("System.String"));
        Assert.Null(l.Find("System.Other.Thing"));
    }

    [Fact]
    public void The_real_listing_parses_and_has_what_the_core_relies_on()
    {
        var l = DeviceProjects.Listing(new[] { "mscorlib", "nanoFramework.System.Text", "nanoFramework.System.Collections" });
        Assert.Contains("string Format(string, object[])", Signatures(l, "System.String"));
        Assert.Contains("bool op_Equality(string, string)", Signatures(l, "System.String"));
        Assert.Contains("StringBuilder Append(int)", Signatures(l, "System.Text.StringBuilder"));
        Assert.Contains("void Add(object, object)", Signatures(l, "System.Collections.Hashtable"));
        Assert.Null(l.Find("System.Math"));
    }
}
