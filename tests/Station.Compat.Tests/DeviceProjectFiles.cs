using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Station.Compat.Tests;

/// <summary>
/// What a portable assembly's Nano/*.nfproj compiles, read from the project files themselves: the .cs files its
/// imported .projitems include, the assemblies it references (by name) and the portable projects it references.
/// Only the MSBuild the repository uses is understood (wildcard Compile items with Exclude, shared-items imports);
/// anything else fails loudly, so a new construct cannot silently drop files from the check.
/// </summary>
public static class DeviceProjectFiles
{
    /// <summary>One device project.</summary>
    public sealed record Project(string Assembly, string NfprojPath, IReadOnlyList<string> Sources,
        IReadOnlyList<string> References, IReadOnlyList<string> ProjectReferences);

    /// <summary>The device project of every portable assembly (<see cref="DeviceProjects.Portable"/>).</summary>
    public static List<Project> Portable()
        => DeviceProjects.Portable.Select(p => Read(Path.Combine(DeviceProjects.RepoRoot, Path.GetDirectoryName(p.PackagesConfig)!))).ToList();

    /// <summary>Reads the single .nfproj in <paramref name="nanoFolder"/>.</summary>
    public static Project Read(string nanoFolder)
    {
        var nfprojs = Directory.GetFiles(nanoFolder, "*.nfproj");
        if (nfprojs.Length != 1) throw new InvalidOperationException($"{nanoFolder}: expected one .nfproj, found {nfprojs.Length}");
        string nfproj = nfprojs[0];
        var doc = XDocument.Load(nfproj);
        XNamespace ns = doc.Root!.Name.Namespace;
        string assembly = doc.Descendants(ns + "AssemblyName").Single().Value;
        var sources = new List<string>();
        foreach (var import in doc.Descendants(ns + "Import").Where(i => ((string)i.Attribute("Project")).EndsWith(".projitems", StringComparison.Ordinal)))
        {
            sources.AddRange(SharedItems(Resolve(nanoFolder, (string)import.Attribute("Project"))));
        }
        foreach (var compile in doc.Descendants(ns + "Compile"))
        {
            if (!ExistsCondition(nanoFolder, (string)compile.Attribute("Condition"))) continue;
            sources.AddRange(Expand(nanoFolder, (string)compile.Attribute("Include"), (string)compile.Attribute("Exclude")));
        }
        var references = doc.Descendants(ns + "Reference").Select(r => ((string)r.Attribute("Include")).Split(',')[0].Trim()).ToList();
        var projectReferences = doc.Descendants(ns + "ProjectReference")
            .Select(r => AssemblyNameOf(Resolve(nanoFolder, (string)r.Attribute("Include"))))
            .ToList();
        return new Project(assembly, nfproj, sources.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList(), references, projectReferences);
    }

    /// <summary>Projects ordered so that each comes after every project it references.</summary>
    public static List<Project> InDependencyOrder(IReadOnlyList<Project> projects)
    {
        var byName = projects.ToDictionary(p => p.Assembly, StringComparer.Ordinal);
        var ordered = new List<Project>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(Project p)
        {
            if (state.TryGetValue(p.Assembly, out bool done))
            {
                if (!done) throw new InvalidOperationException($"{p.Assembly}: project references form a cycle");
                return;
            }
            state[p.Assembly] = false;
            foreach (var d in p.ProjectReferences)
            {
                if (!byName.TryGetValue(d, out var dependency)) throw new InvalidOperationException($"{p.NfprojPath} references {d}, which is not a portable assembly");
                Visit(dependency);
            }
            state[p.Assembly] = true;
            ordered.Add(p);
        }
        foreach (var p in projects) Visit(p);
        return ordered;
    }

    private static string AssemblyNameOf(string nfproj)
    {
        var doc = XDocument.Load(nfproj);
        return doc.Descendants(doc.Root!.Name.Namespace + "AssemblyName").Single().Value;
    }

    /// <summary>A Compile item's Condition as a reader that runs no MSBuild targets sees it: none, Exists('file') or
    /// !Exists('file') (the firmware build stamp, see firmware/FirmwareVersion.targets); anything else is not understood.</summary>
    private static bool ExistsCondition(string folder, string condition)
    {
        if (string.IsNullOrWhiteSpace(condition)) return true;
        var m = System.Text.RegularExpressions.Regex.Match(condition.Trim(), @"^(!?)Exists\('([^']+)'\)$");
        if (!m.Success) throw new InvalidOperationException($"{folder}: Compile condition '{condition}' not understood");
        return File.Exists(Pattern(folder, m.Groups[2].Value)) != (m.Groups[1].Value == "!");
    }

    private static IEnumerable<string> SharedItems(string projitems)
    {
        var doc = XDocument.Load(projitems);
        XNamespace ns = doc.Root!.Name.Namespace;
        string folder = Path.GetDirectoryName(projitems)!;
        foreach (var compile in doc.Descendants(ns + "Compile"))
        {
            foreach (var f in Expand(folder, (string)compile.Attribute("Include"), (string)compile.Attribute("Exclude"))) yield return f;
        }
    }

    /// <summary>Expands a Compile item: <c>$(MSBuildThisFileDirectory)</c>, a plain file, <c>dir\*.cs</c> or
    /// <c>dir\**\*.cs</c>, minus Excludes of the form <c>dir\**</c>.</summary>
    private static IEnumerable<string> Expand(string folder, string include, string exclude)
    {
        var excluded = (exclude ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => Pattern(folder, e))
            .Select(e => e.EndsWith(Path.DirectorySeparatorChar + "**", StringComparison.Ordinal)
                ? e.Substring(0, e.Length - 2)
                : throw new InvalidOperationException($"{folder}: Exclude pattern '{exclude}' not understood (only dir\\**)"))
            .ToList();
        var files = new List<string>();
        foreach (var item in include.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string pattern = Pattern(folder, item);
            string name = Path.GetFileName(pattern);
            string dir = Path.GetDirectoryName(pattern)!;
            if (!name.Contains('*'))
            {
                if (!File.Exists(pattern)) throw new InvalidOperationException($"{folder}: compiled file {pattern} does not exist");
                files.Add(pattern);
                continue;
            }
            bool recursive = Path.GetFileName(dir) == "**";
            if (recursive) dir = Path.GetDirectoryName(dir)!;
            if (dir.Contains('*')) throw new InvalidOperationException($"{folder}: Compile pattern '{item}' not understood");
            files.AddRange(Directory.GetFiles(dir, name, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly));
        }
        return files.Where(f => !excluded.Any(e => f.StartsWith(e, StringComparison.Ordinal)));
    }

    private static string Pattern(string folder, string item)
    {
        string path = item.Replace("$(MSBuildThisFileDirectory)", folder + "/").Replace('\\', '/');
        if (path.Contains("$(")) throw new InvalidOperationException($"{folder}: '{item}' uses a property the check does not evaluate");
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(folder, path));
    }

    private static string Resolve(string folder, string relative) => Path.GetFullPath(Path.Combine(folder, relative.Replace('\\', '/')));
}
