//! A rendered buffer as the lines a terminal would show: a wide character
//! takes its two columns, and the cell it covers is not printed.

use ratatui::buffer::Buffer;

pub fn rows(buffer: &Buffer) -> Vec<String> {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width.max(1))
        .map(|cells| {
            let mut row = String::new();
            let mut skip = 0usize;
            for cell in cells {
                if skip == 0 {
                    row.push_str(cell.symbol());
                }
                skip = skip
                    .max(touchline::text::width(cell.symbol()))
                    .saturating_sub(1);
            }
            row
        })
        .collect()
}
