//! Checking an import file line by line, so that a file of any size is read as a stream: each
//! line is checked as it comes, an external id used twice is caught, and problems are kept up
//! to a limit while all of them are counted.

use super::{CityName, ImportedPractice, Vocabulary, parse_line};
use crate::ProblemKey;
use crate::csv_format::LineError;
use crate::validation::Problem;
use serde_json::Value;
use std::collections::HashMap;

/// Checks the lines of one file in order.
#[derive(Debug)]
pub struct Checker<'v> {
    vocabulary: &'v Vocabulary,
    /// Each external id with the line that first used it.
    seen: HashMap<String, u64>,
    problems: Vec<LineError>,
    problem_count: u64,
    keep_at_most: usize,
    practices: u64,
}

impl<'v> Checker<'v> {
    /// A checker that keeps the first `keep_at_most` problems (and counts every one).
    pub fn new(vocabulary: &'v Vocabulary, keep_at_most: usize) -> Self {
        Checker {
            vocabulary,
            seen: HashMap::new(),
            problems: Vec::new(),
            problem_count: 0,
            keep_at_most,
            practices: 0,
        }
    }

    /// Checks line number `line` (from 1): its practice when it is valid and its external id
    /// is new in the file, `None` otherwise (the problems are kept) or when it is blank.
    pub fn check(&mut self, line: u64, raw: &str) -> Option<ImportedPractice> {
        if raw.trim().is_empty() {
            return None;
        }
        let object = match serde_json::from_str::<Value>(raw) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                self.fail(line, "", Problem::new(ProblemKey::NotAnObject));
                return None;
            }
            Err(error) => {
                let problem = Problem::with_detail(ProblemKey::InvalidJson, error.to_string());
                self.fail(line, "", problem);
                return None;
            }
        };
        match parse_line(line, &object, self.vocabulary) {
            Ok(practice) => {
                if let Some(first) = self.seen.get(&practice.external_id) {
                    let problem =
                        Problem::with_detail(ProblemKey::DuplicateInFile, first.to_string());
                    self.fail(line, "external_id", problem);
                    return None;
                }
                self.seen.insert(practice.external_id.clone(), line);
                self.practices += 1;
                Some(practice)
            }
            Err(errors) => {
                for (column, problem) in errors.iter() {
                    self.fail(line, column, problem.clone());
                }
                None
            }
        }
    }

    /// Checks a line read as bytes (its end of line removed): a line that is not UTF-8 text
    /// is a problem of its own.
    pub fn check_bytes(&mut self, line: u64, raw: &[u8]) -> Option<ImportedPractice> {
        match std::str::from_utf8(raw) {
            Ok(text) => self.check(line, text.strip_suffix('\r').unwrap_or(text)),
            Err(_) => {
                self.fail(line, "", Problem::new(ProblemKey::NotText));
                None
            }
        }
    }

    fn fail(&mut self, line: u64, column: &str, problem: Problem) {
        self.problem_count += 1;
        if self.problems.len() < self.keep_at_most {
            self.problems.push(LineError {
                line,
                column: column.to_owned(),
                problem,
            });
        }
    }

    /// How many problems the lines checked so far have, kept or not.
    pub fn problem_count(&self) -> u64 {
        self.problem_count
    }

    /// The number of valid practices so far.
    pub fn practices(&self) -> u64 {
        self.practices
    }

    /// The end of the file: `Ok` with the number of practices when every line was valid, or
    /// the problems kept. A file with no practice in it is a mistake (the wrong file, or an
    /// empty upload).
    pub fn finish(self) -> Result<u64, Vec<LineError>> {
        if self.problem_count == 0 && self.practices == 0 {
            return Err(vec![LineError {
                line: 1,
                column: String::new(),
                problem: Problem::new(ProblemKey::EmptyFile),
            }]);
        }
        if self.problem_count == 0 {
            Ok(self.practices)
        } else {
            Err(self.problems)
        }
    }
}

/// Reads a whole file held in memory: the valid practices, or every problem of every line.
pub fn parse(
    input: &str,
    vocabulary: &Vocabulary,
) -> Result<Vec<ImportedPractice>, Vec<LineError>> {
    let mut checker = Checker::new(vocabulary, usize::MAX);
    let mut practices = Vec::new();
    for (index, raw) in input.lines().enumerate() {
        if let Some(practice) = checker.check(index as u64 + 1, raw) {
            practices.push(practice);
        }
    }
    checker.finish().map(|_| practices)
}

/// The cities a file names, each once, in the order the file first names them.
#[derive(Debug, Default)]
pub struct NamedCities {
    seen: std::collections::HashSet<CityName>,
    pub in_order: Vec<CityName>,
}

impl NamedCities {
    pub fn add(&mut self, practice: &ImportedPractice) {
        for city in &practice.cities {
            if !self.seen.contains(city) {
                self.seen.insert(city.clone());
                self.in_order.push(city.clone());
            }
        }
    }
}
