using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Vanthu")]
[assembly: AssemblyDescription("vanthu for .NET: Vietnamese electronic government documents, over the C ABI")]
[assembly: AssemblyVersion("0.1.0.0")]
// The harness driver of the tests serialises results with the library's own codec (System.Text.Json on .NET).
[assembly: InternalsVisibleTo("Vanthu.Tests")]
