using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Spectre.Console;
using Station.Core.Can;
using Station.Hal.Sim;
using Station.Tools;

namespace Station.CanTool;

/// <summary>Command line (System.CommandLine): decode, record, replay, dbc.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
        catch (Exception e)
        {
            // Last resort: a tool for hostile files must say what happened, not dump a stack.
            Console.Error.WriteLine("Station.CanTool: internal error: " + e.Message);
            return 3;
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>Runs with <paramref name="args"/>; <paramref name="stdin"/> replaces standard input for <c>decode -</c> (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin)
    {
        var file = new Argument<string>("FILE") { Description = "the log to decode, or - for standard input (candump can0 | Station.CanTool decode -): frames are printed as they arrive" };
        var bms = new Option<string>("--bms") { Description = "more BMS source addresses to follow, hex: F5 or 0xF5, comma-separated (F4 always)", HelpName = "ADDR,..." };
        bms.Validators.Add(r => { if (ParseAddresses(r.GetValueOrDefault<string>(), out string? bad) == null) r.AddError("--bms wants hex addresses like F5 or 0xF5 (00..FD), not '" + bad + "'"); });
        var decode = new Command("decode", "decode a CAN log with the station's own GB/T 27930 decoder: one JSON line per message, dropped session or rejected line, then counts. "
            + "Reads candump -l, candump's default output (with or without -t) and Vector ASC; addresses and PGNs print as hex") { file, bms };

        var output = new Argument<string>("OUT") { Description = "candump -l file to write" };
        var swaps = new Option<int>("--swaps") { Description = "simulated swaps", HelpName = "N", DefaultValueFactory = _ => 1 };
        CommandLineRunner.Range(swaps, 0, 100, "--swaps must be 0..100");
        var fault = new Option<string>("--bms-fault") { Description = "simulated BMS fault: " + string.Join("|", SimPackCan.FaultKinds), HelpName = "KIND" };
        fault.AcceptOnlyFromAmong(SimPackCan.FaultKinds);
        var record = new Command("record", "run simulated swaps and write the pack CAN bus as a candump -l log") { output, swaps, fault };

        var recording = new Argument<string>("FILE") { Description = "a candump -l recording of a pack" };
        var quiet = new Option<bool>("--quiet") { Description = "only the JSON result" };
        var replay = new Command("replay", "one simulated swap whose new pack is the recorded BMS in FILE (a file without frames is refused)") { recording, quiet };

        var dbcOut = new Argument<string>("OUT") { Description = "DBC file to write, or - for standard output", DefaultValueFactory = _ => "-" };
        var dbc = new Command("dbc", "write the GB/T 27930 profile table as a DBC file (SavvyCAN, cantools, CANdb++)") { dbcOut };

        var root = new RootCommand("Station.CanTool — GB/T 27930 pack CAN logs: decode, record, replay, DBC export.\nExit codes: 0 ok, 1 unreadable or empty input, 2 bad usage.")
        { decode, record, replay, dbc };
        decode.SetAction(p => Decode(p.GetValue(file)!, ParseAddresses(p.GetValue(bms), out _)!, stdout, stderr, stdin));
        record.SetAction(p => Commands.Record(p.GetValue(output)!, p.GetValue(swaps), p.GetValue(fault), stdout, stderr));
        replay.SetAction(p => Commands.Replay(p.GetValue(recording)!, p.GetValue(quiet), stdout, stderr));
        dbc.SetAction(p => WriteDbc(p.GetValue(dbcOut)!, stdout, stderr));
        return CommandLineRunner.Run("Station.CanTool", root, args, stdout, stderr);
    }

    /// <summary>Addresses from "F5,0xF4"; null (and the bad part) when one is not a J1939 address.</summary>
    public static List<int>? ParseAddresses(string? text, out string? bad)
    {
        bad = null;
        var list = new List<int>();
        if (text == null) return list;
        foreach (string raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string part = raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? raw.Substring(2) : raw;
            if (part.Length == 0 || part.Length > 2 || !int.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int a) || a > 0xFD)
            {
                bad = raw;
                return null;
            }
            list.Add(a);
        }
        return list;
    }

    private static int WriteDbc(string path, TextWriter stdout, TextWriter stderr)
    {
        string text = DbcExport.Write(GbT27930Profile.Instance);
        if (path == "-") { stdout.Write(text); return 0; }
        try { File.WriteAllText(path, text); }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot write '" + path + "': " + e.Message);
            return 1;
        }
        stdout.WriteLine("wrote " + path + " (" + GbT27930Profile.Instance.Messages.Length + " messages)");
        return 0;
    }

    private static int Decode(string path, List<int> extra, TextWriter stdout, TextWriter stderr, Stream? stdin)
    {
        bool live = path == "-";
        Stream stream;
        try
        {
            if (live) stream = stdin ?? Console.OpenStandardInput();
            else
            {
                if (Directory.Exists(path)) throw new IOException("it is a directory");
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            }
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot read '" + path + "': " + e.Message);
            return 1;
        }
        string name = live ? "standard input" : "'" + path + "'";
        using (stream)
        {
            var writer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            TextWriter output = ReferenceEquals(stdout, Console.Out) ? writer : stdout;
            var decoder = new LogDecoder(output, extra) { Live = live };
            try
            {
                // A big file decoded into a file or pipe shows a progress bar on the terminal (stderr).
                long size = live ? 0 : stream.Length;
                if (size > 8 << 20 && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Console.IsOutputRedirected)
                {
                    // Spectre judges interactivity by standard output, which is redirected here: the bar is on stderr, a terminal.
                    var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
                    console.Progress().AutoClear(true).Start(ctx =>
                    {
                        var task = ctx.AddTask("decoding " + Path.GetFileName(path), maxValue: size);
                        decoder.Progress = bytes => { if (bytes - task.Value > 1 << 20 || bytes == size) task.Value = bytes; };
                        decoder.Run(stream);
                    });
                }
                else decoder.Run(stream);
            }
            catch (IOException e)
            {
                output.Flush();
                stderr.WriteLine("Station.CanTool: reading " + name + " failed: " + e.Message);
                return 1;
            }
            output.Flush();
            if (decoder.Lines == 0)
            {
                stderr.WriteLine("Station.CanTool: " + name + " is empty: no CAN frames to decode");
                return 1;
            }
            if (decoder.Frames == 0)
            {
                stderr.WriteLine("Station.CanTool: " + name + " holds no CAN frame (" + decoder.BadLines + " lines not understood); "
                    + "formats read: candump -l, candump's default output, Vector ASC");
                return 1;
            }
        }
        return 0;
    }
}
