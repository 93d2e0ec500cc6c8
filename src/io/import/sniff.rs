//! What a file given by the user holds before it is read as CSV: UTF-8 text
//! (with or without BOM), UTF-16 text with a BOM, Windows-1252 text (what
//! Excel writes on a French Windows PC), or something that is not text at
//! all (a spreadsheet, a PDF, UTF-16 without BOM), refused with what to do.
//! Every file the app reads goes through here (pupils, checklist template;
//! bank statements next).

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// The refusal for a UTF-16 file that carries no BOM (its byte order is a guess).
pub const UTF16_REFUSED: &str = "le fichier est en UTF-16 : enregistrez-le en CSV UTF-8";
/// The refusal for a file that is not text.
pub const BINARY_REFUSED: &str =
    "le fichier n'est pas un fichier texte (CSV attendu) : enregistrez-le en CSV UTF-8";

/// How many bytes are looked at to tell text from the rest.
const SAMPLE: usize = 8192;

/// Decodes a text file: a BOM decides; else UTF-8 if valid, else
/// Windows-1252. NUL bytes mean UTF-16 without BOM (every other byte NUL)
/// or a binary file; so does more than one control byte in a hundred.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let kind = if encoding == encoding_rs::UTF_8 {
            TextEncoding::Utf8
        } else {
            TextEncoding::Utf16
        };
        if kind == TextEncoding::Utf8 {
            refuse_binary(&bytes[bom..])?;
        }
        return Ok((text.into_owned(), kind));
    }
    refuse_binary(bytes)?;
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    })
}

fn refuse_binary(bytes: &[u8]) -> Result<(), String> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    if even + odd > 0 {
        let half = sample.len() / 2;
        // Latin text in UTF-16: one byte of each pair is NUL, the other almost never.
        let utf16 = |nul: usize, other: usize| nul * 10 >= half * 3 && other * 20 <= half;
        if utf16(odd, even) || utf16(even, odd) {
            return Err(UTF16_REFUSED.into());
        }
        return Err(BINARY_REFUSED.into());
    }
    let controls = sample
        .iter()
        .filter(|b| (**b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0c)) || **b == 0x7f)
        .count();
    if controls * 100 > sample.len().max(100) {
        return Err(BINARY_REFUSED.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn text_is_decoded_whatever_its_encoding() {
        assert_eq!(
            decode(b"Lef\xe8vre;Th\xe9o"),
            Ok(("Lefèvre;Théo".to_string(), TextEncoding::Windows1252))
        );
        assert_eq!(
            decode("\u{feff}Léa".as_bytes()),
            Ok(("Léa".to_string(), TextEncoding::Utf8))
        );
        let mut with_bom = vec![0xff, 0xfe];
        with_bom.extend(utf16le("nom;prénom"));
        assert_eq!(
            decode(&with_bom),
            Ok(("nom;prénom".to_string(), TextEncoding::Utf16))
        );
    }

    #[test]
    fn utf16_without_bom_and_binary_are_refused() {
        assert_eq!(
            decode(&utf16le("nom;prénom;classe\nDupont;Léa;CP\n")),
            Err(UTF16_REFUSED.into())
        );
        let be: Vec<u8> = "nom;classe"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be), Err(UTF16_REFUSED.into()));
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
            Err(BINARY_REFUSED.into())
        );
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 10 == 0 { 0x1b } else { b'a' })
            .collect();
        assert_eq!(decode(&controls), Err(BINARY_REFUSED.into()));
        assert!(decode(b"nom;prenom\r\n\x0c").is_ok());
    }
}
