-- Contacts of the organizations to notify.
SELECT code, name, contact_person, phone, email FROM organization WHERE code = ANY(CAST(:codes AS text[])) ORDER BY code
