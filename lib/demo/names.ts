// Word lists for the demo generators: people (names, jobs, street parts).
// ASCII only, so every name can also be used inside an email local part.

export const FEMALE_FIRST_NAMES = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica',
  'Sarah', 'Karen', 'Lisa', 'Nancy', 'Betty', 'Margaret', 'Sandra', 'Ashley',
  'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda', 'Melissa', 'Deborah',
  'Stephanie', 'Rebecca', 'Sharon', 'Laura', 'Cynthia', 'Kathleen', 'Amy', 'Angela',
  'Shirley', 'Anna', 'Brenda', 'Pamela', 'Emma', 'Nicole', 'Helen', 'Samantha',
  'Katherine', 'Christine', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Catherine', 'Maria',
  'Heather', 'Diane', 'Ruth', 'Julie', 'Olivia', 'Joyce', 'Virginia', 'Victoria',
  'Kelly', 'Lauren', 'Christina', 'Joan', 'Evelyn', 'Judith', 'Megan', 'Andrea',
  'Cheryl', 'Hannah', 'Jacqueline', 'Martha', 'Gloria', 'Teresa', 'Sophia', 'Grace',
] as const;

export const MALE_FIRST_NAMES = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph',
  'Thomas', 'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald',
  'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George',
  'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary',
  'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon',
  'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Frank', 'Patrick', 'Raymond', 'Jack',
  'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Jose', 'Adam', 'Nathan', 'Henry',
  'Douglas', 'Zachary', 'Peter', 'Kyle', 'Walter', 'Ethan', 'Jeremy', 'Harold',
  'Keith', 'Christian', 'Roger', 'Noah', 'Gerald', 'Carl', 'Terry', 'Sean',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis',
  'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas',
  'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young',
  'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell',
  'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker',
  'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy',
  'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey',
  'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza',
  'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers',
  'Long', 'Ross', 'Foster', 'Jimenez', 'Powell', 'Jenkins', 'Perry', 'Russell',
  'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Gonzales', 'Fisher',
  'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant',
  'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray',
  'Ford', 'Castro', 'Marshall', 'Owens', 'Harrison', 'Fernandez', 'Mcdonald', 'Woods',
] as const;

// Occupations in the style Sparkov's generator uses (comma-qualified titles included).
export const JOBS = [
  'Accountant, chartered', 'Administrator, education', 'Air traffic controller', 'Architect',
  'Armed forces officer', 'Art therapist', 'Barrister', 'Biomedical scientist',
  'Building control surveyor', 'Cabin crew', 'Careers adviser', 'Chartered loss adjuster',
  'Chemical engineer', 'Chief Executive Officer', 'Civil engineer, contracting', 'Clinical psychologist',
  'Community pharmacist', 'Conservator, museum/gallery', 'Copywriter, advertising', 'Counsellor',
  'Dance movement psychotherapist', 'Data scientist', 'Dentist', 'Designer, interior/spatial',
  'Diagnostic radiographer', 'Dietitian', 'Editor, magazine features', 'Electrical engineer',
  'Energy manager', 'Engineer, production', 'Environmental consultant', 'Equality and diversity officer',
  'Event organiser', 'Exhibition designer', 'Farm manager', 'Film/video editor',
  'Financial adviser', 'Fire risk assessor', 'Fisheries officer', 'Forensic scientist',
  'Geologist, engineering', 'Geophysicist/field seismologist', 'Graphic designer', 'Health visitor',
  'Historic buildings inspector', 'Horticultural consultant', 'Hospital doctor', 'Hotel manager',
  'Immunologist', 'Insurance underwriter', 'IT consultant', 'Journalist, newspaper',
  'Landscape architect', 'Lawyer', 'Learning disability nurse', 'Librarian, academic',
  'Logistics and distribution manager', 'Magazine journalist', 'Marketing executive', 'Mechanical engineer',
  'Medical sales representative', 'Merchandiser, retail', 'Mining engineer', 'Music therapist',
  'Network engineer', 'Nurse, mental health', 'Occupational psychologist', 'Optician, dispensing',
  'Paramedic', 'Pharmacist, hospital', 'Physiotherapist', 'Pilot, airline',
  'Police officer', 'Primary school teacher', 'Probation officer', 'Product designer',
  'Programmer, multimedia', 'Psychiatric nurse', 'Public relations officer', 'Quantity surveyor',
  'Radio producer', 'Research scientist (life sciences)', 'Retail banker', 'Sales executive',
  'Scientist, marine', 'Secondary school teacher', 'Social worker', 'Software engineer',
  'Solicitor', 'Surveyor, land/geomatics', 'Systems analyst', 'Teacher, special educational needs',
  'Television camera operator', 'Tour manager', 'Town planner', 'Translator',
  'Veterinary surgeon', 'Water engineer', 'Web designer', 'Writer',
] as const;

// Street-name suffixes in the Faker style Sparkov addresses use ("351 Darlene Green").
export const STREET_SUFFIXES = [
  'Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Place', 'Square',
  'Parkway', 'Way', 'Terrace', 'Green', 'Mill', 'Union', 'Point', 'Lodge',
  'Roads', 'Glens', 'Port', 'Views', 'Rest', 'Grove', 'Vista', 'Prairie',
  'Lakes', 'Crossing', 'Ridge', 'Hollow', 'Meadows', 'Springs', 'Trail', 'Harbor',
] as const;
