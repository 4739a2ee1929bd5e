namespace RcmlEngine.Rcml.Ast;

/// <summary>Restcomm <c>&lt;Video resolution&gt;</c>.</summary>
internal enum VideoResolution
{
    /// <summary><c>720p</c>, the default.</summary>
    Hd720,

    /// <summary><c>QCIF</c>.</summary>
    Qcif,

    /// <summary><c>CIF</c>.</summary>
    Cif,

    /// <summary><c>4CIF</c>.</summary>
    Cif4,

    /// <summary><c>16CIF</c>.</summary>
    Cif16,

    /// <summary><c>VGA</c>.</summary>
    Vga,
}
