// A Linux-only stand-in for nanoFramework.TestFramework 3.0.80, so that the on-target tests in this folder also
// compile and run on net10.0 (tests/Station.Compat.Tests runs them). Every member here has the exact signature of a
// row of the TestFramework API listing (tests/Station.Compat.Tests/api/testfw.txt), and nothing else is offered: the compatibility gate checks each
// Assert call of the compiled tests against that listing. It is never built for the device.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Assertions, as listed for nanoFramework.TestFramework.</summary>
    public sealed class Assert
    {
        public static void AreNotSame(object notExpected, object actual, string message = "") { if (object.ReferenceEquals(notExpected, actual)) Fail("AreNotSame", notExpected, actual, message); }
        public static void AreSame(object expected, object actual, string message = "") { if (!object.ReferenceEquals(expected, actual)) Fail("AreSame", expected, actual, message); }
        public static void Contains(string expected, string value, string message = "") { if (value == null || !value.Contains(expected)) Fail("Contains", expected, value, message); }
        public static void DoesNotContains(string notExpected, string value, string message = "") { if (value != null && value.Contains(notExpected)) Fail("DoesNotContains", notExpected, value, message); }
        public static void EndsWith(string expected, string value, string message = "") { if (value == null || !value.EndsWith(expected)) Fail("EndsWith", expected, value, message); }
        public static void IsFalse(bool condition, string message = "") { if (condition) Fail("IsFalse", false, true, message); }
        public static void IsInstanceOfType(object value, Type expected, string message = "") { if (value == null || !expected.IsInstanceOfType(value)) Fail("IsInstanceOfType", expected, value, message); }
        public static void IsNotInstanceOfType(object value, Type notExpected, string message = "") { if (value != null && notExpected.IsInstanceOfType(value)) Fail("IsNotInstanceOfType", notExpected, value, message); }
        public static void IsNotNull(object value, string message = "") { if (value == null) Fail("IsNotNull", "not null", null, message); }
        public static void IsNull(object value, string message = "") { if (value != null) Fail("IsNull", null, value, message); }
        public static void IsTrue(bool condition, string message = "") { if (!condition) Fail("IsTrue", true, false, message); }
        public static void SkipTest(string message = null) { throw new SkipTestException(message); }
        public static void StartsWith(string expected, string value, string message = "") { if (value == null || !value.StartsWith(expected)) Fail("StartsWith", expected, value, message); }
        public static void ThrowsException(Type exception, Action action, string message = "") { try { action(); } catch (System.Exception e) { if (exception.IsInstanceOfType(e)) return; Fail("ThrowsException", exception, e.GetType(), message); } Fail("ThrowsException", exception, "nothing thrown", message); }
        public static void AreEqual(bool expected, bool actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(byte expected, byte actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(char expected, char actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(double expected, double actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(float expected, float actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(int expected, int actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(long expected, long actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(object expected, object actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(short expected, short actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(string expected, string actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(uint expected, uint actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreEqual(ushort expected, ushort actual, string message = "") { if (!Same(expected, actual)) Fail("AreEqual", expected, actual, message); }
        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(char notExpected, char actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(double notExpected, double actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(float notExpected, float actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(short notExpected, short actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { if (Same(notExpected, actual)) Fail("AreNotEqual", notExpected, actual, message); }

        private static bool Same(object a, object b) { return object.Equals(a, b); }

        private static void Fail(string what, object expected, object actual, string message)
        {
            throw new AssertFailedException(what + " failed. Expected: <" + expected + ">, actual: <" + actual + ">. " + message);
        }
    }

    /// <summary>Marks a class holding test methods.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method run before the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method run after the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>Thrown by Assert.SkipTest.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException(string message = null, Exception innerException = null) : base(message, innerException)
        {
        }
    }

    /// <summary>Thrown when an assertion fails (TestFrameworkShared.AssertFailedException on the device).</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string msg) : base(msg)
        {
        }
    }
}
