//! A rendered buffer as the lines a terminal would show: a wide character
//! takes its two columns, and the cell it covers is not printed. The one
//! helper every test uses to read a frame as text.

use ratatui::buffer::Buffer;

/// The buffer's rows, each as a terminal prints it.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width.max(1))
        .map(|cells| {
            let mut row = String::new();
            // Columns still covered by the last wide character printed.
            let mut covered = 0usize;
            for cell in cells {
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                row.push_str(cell.symbol());
                covered = touchline::text::width(cell.symbol()).saturating_sub(1);
            }
            row
        })
        .collect()
}

/// The buffer as text: its rows, each ended by a newline.
pub fn text(buffer: &Buffer) -> String {
    rows(buffer).into_iter().map(|row| row + "\n").collect()
}

/// [`text`] with each row's trailing blanks trimmed.
pub fn trimmed(buffer: &Buffer) -> String {
    rows(buffer)
        .iter()
        .map(|row| format!("{}\n", row.trim_end()))
        .collect()
}
